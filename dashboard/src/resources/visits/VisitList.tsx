import { DataTable, DateTimeInput, List, TextInput } from 'react-admin';

import { parseDateTime } from '../breaches/isoDateTime';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

const filters = [
  <TextInput key="pathPrefix" source="pathPrefix" alwaysOn />,
  <TextInput key="visitorId" source="visitorId" />,
  <TextInput key="browserName" source="browserName" />,
  <DateTimeInput key="from" source="from" parse={parseDateTime} />,
  <DateTimeInput key="to" source="to" parse={parseDateTime} />,
];

// P11: newest first; IPs older than the retention period show truncated.
export default function VisitList() {
  return (
    <List exporter={csvExporter} filters={filters} perPage={50} actions={<ListExportActions />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="path" disableSort />
        <DataTable.Col source="referrer" disableSort />
        <DataTable.Col source="ip" disableSort />
        <DataTable.Col source="browserName" disableSort />
        <DataTable.Col source="browserVersion" disableSort />
        <DataTable.Col source="osName" disableSort />
        <DataTable.Col source="visitorId" disableSort />
      </DataTable>
    </List>
  );
}
