import { BooleanInput, CreateButton, DataTable, ExportButton, List, SelectInput, TopToolbar } from 'react-admin';

import {
  OverdueChip,
  PrivacyChannelField,
  PrivacyStatusField,
  PrivacyTypeField,
  privacyChannelChoices,
  privacyStatusChoices,
  privacyTypeChoices,
} from './PrivacyRequestFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';

const filters = [
  <BooleanInput key="open" source="open" label="sitecare.privacy.open_only" alwaysOn />,
  <BooleanInput key="overdue" source="overdue" label="sitecare.privacy.overdue_only" alwaysOn />,
  <SelectInput key="status" source="status" choices={privacyStatusChoices} />,
  <SelectInput key="type" source="type" choices={privacyTypeChoices} />,
  <SelectInput key="channel" source="channel" choices={privacyChannelChoices} />,
];

/** P30: soonest due first (the API's order); overdue rows carry a red chip and a tinted row. */
export default function PrivacyRequestList() {
  return (
    <List
      exporter={csvExporter}
      filters={filters}
      filterDefaultValues={{ open: true }}
      perPage={25}
      actions={
        <TopToolbar>
          <CreateButton label="sitecare.privacy.record" />
          <ExportButton />
        </TopToolbar>
      }
    >
      <DataTable
        bulkActionButtons={false}
        rowClick="show"
        rowSx={(record) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {})}
      >
        <DataTable.Col source="dueAt" disableSort>
          <DateField source="dueAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="overdue" field={OverdueChip} disableSort />
        <DataTable.Col source="type" field={PrivacyTypeField} disableSort />
        <DataTable.Col source="requesterEmail" disableSort />
        <DataTable.Col source="status" field={PrivacyStatusField} disableSort />
        <DataTable.Col source="channel" field={PrivacyChannelField} disableSort />
        <DataTable.Col source="receivedAt" disableSort>
          <DateField source="receivedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
