// Mail queued and sent, newest first; a row opens to show what the message carries. Read-only.
import { DataTable, List, NumberField } from 'react-admin';

import { EnumChipField } from '../EnumChipField';
import { JsonDetails } from '../JsonDetails';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

const StatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.outbox_status"
    colors={{ PENDING: 'info', SENT: 'success', FAILED: 'error' }}
  />
);

const LanguageField = () => <EnumChipField source="language" prefix="sitecare.languages" />;

const Payload = () => <JsonDetails source="payload" label="resources.outboxMessages.fields.payload" />;

export default function OutboxMessageList() {
  return (
    <List
      exporter={csvExporter}
      actions={<ListExportActions />}
      perPage={25}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      <DataTable bulkActionButtons={false} rowClick="expand" expand={<Payload />}>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="recipient" disableSort />
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="template" disableSort />
        <DataTable.Col source="language" field={LanguageField} disableSort />
        <DataTable.Col source="status" field={StatusField} disableSort />
        <DataTable.Col source="attempts" disableSort>
          <NumberField source="attempts" />
        </DataTable.Col>
        <DataTable.Col source="sentAt" disableSort>
          <DateField source="sentAt" showTime emptyText="–" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
