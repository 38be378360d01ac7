import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { ticketPriorityChoices, ticketStatusChoices } from '../choices';
import { DateField } from '../DateField';
import { DueField, TicketChannelField, TicketPriorityField, TicketStatusField } from './SupportTicketFields';
import { csvExporter } from '../../providers/exporter';
import { PhoneList } from '../PhoneList';

/**
 * Issue 25: a ticket's last activity, the newest message the viewer may read (the database's row
 * rules leave internal notes out for customers), else when it was opened.
 */
const LastActivityField = (_props: { label?: string }) => {
  const ticket = useRecordContext();
  const newest = (ticket?.latestMessages as { createdAt: string }[] | undefined)?.[0]?.createdAt;
  const record = { lastActivityAt: newest ?? ticket?.createdAt };
  return <DateField source="lastActivityAt" record={record} showTime />;
};

const TicketListActions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export default function SupportTicketList() {
  const role = useViewerRole();
  // Only staff can list customers, so only they filter by one.
  const { canAccess: listsCustomers } = useCanAccess({ resource: 'customers', action: 'list' });
  const filters = [
    <TextInput
      key="q"
      source="q"
      label="sitecare.tickets.search"
      type="search"
      alwaysOn
      resettable
      sx={{ minWidth: 240 }}
    />,
    <SelectArrayInput key="status" source="status" choices={ticketStatusChoices} alwaysOn sx={{ minWidth: 200 }} />,
    <SelectInput key="priority" source="priority" choices={ticketPriorityChoices} alwaysOn />,
    ...(listsCustomers
      ? [
          <ReferenceInput key="customerId" source="customerId" reference="customers" alwaysOn>
            <AutocompleteInput
              label="resources.supportTickets.fields.customerId"
              optionText="name"
              sx={{ minWidth: 220 }}
            />
          </ReferenceInput>,
        ]
      : []),
  ];
  return (
    <List
      exporter={csvExporter}
      filters={filters}
      actions={<TicketListActions />}
      sort={{ field: 'firstResponseDueAt', order: 'ASC' }}
      perPage={25}
      queryOptions={{
        meta: { embed: ['customer', 'site', 'latestMessages', ...(role === 'CUSTOMER' ? [] : ['assignee'])] },
      }}
    >
      <PhoneList
        primary={<TextField source="subject" />}
        chips={<TicketStatusField />}
        secondary={[
          role === 'CUSTOMER' ? null : <TextField key="customer" source="customer.name" emptyText="–" />,
          <TextField key="site" source="site.domain" emptyText="–" />,
          <LastActivityField key="activity" />,
        ]}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="subject" disableSort />
          {role === 'CUSTOMER' ? null : (
            <DataTable.Col source="customer" disableSort>
              <TextField source="customer.name" emptyText="–" />
            </DataTable.Col>
          )}
          <DataTable.Col source="site" disableSort>
            <TextField source="site.domain" emptyText="–" />
          </DataTable.Col>
          <DataTable.Col source="status" field={TicketStatusField} />
          <DataTable.Col source="priority" field={TicketPriorityField} />
          <DataTable.Col source="firstResponseDueAt" field={DueField} />
          {role === 'CUSTOMER' ? null : (
            <DataTable.Col source="assignee" disableSort>
              <TextField source="assignee.name" emptyText="sitecare.tickets.unassigned" />
            </DataTable.Col>
          )}
          <DataTable.Col source="lastActivityAt" label="resources.supportTickets.fields.lastActivityAt" disableSort>
            <LastActivityField />
          </DataTable.Col>
          <DataTable.Col source="channel" field={TicketChannelField} disableSort />
        </DataTable>
      </PhoneList>
    </List>
  );
}
