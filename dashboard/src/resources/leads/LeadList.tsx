import { DataTable, List, SelectInput } from 'react-admin';

import { leadStatusChoices } from '../choices';
import { LeadStatusField } from './LeadFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

const filters = [<SelectInput key="status" source="status" choices={leadStatusChoices} alwaysOn />];

export default function LeadList() {
  return (
    <List exporter={csvExporter} filters={filters} perPage={25} actions={<ListExportActions />}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="company" disableSort />
        <DataTable.Col source="email" disableSort />
        <DataTable.Col source="status" field={LeadStatusField} disableSort />
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
