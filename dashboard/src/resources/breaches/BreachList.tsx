import { BooleanInput, CreateButton, DataTable, ExportButton, List, NumberField, TopToolbar } from 'react-admin';

import { BreachStateField } from './BreachFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

const filters = [<BooleanInput key="overdue" source="overdue" />];

// Sorted by the API: the notification deadline first.
export default function BreachList() {
  return (
    <List exporter={csvExporter} actions={<Actions />} filters={filters} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="overdue" field={BreachStateField} disableSort />
        <DataTable.Col source="deadline" disableSort>
          <DateField source="deadline" showTime />
        </DataTable.Col>
        <DataTable.Col source="awareAt" disableSort>
          <DateField source="awareAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="approxAffected" disableSort>
          <NumberField source="approxAffected" />
        </DataTable.Col>
        <DataTable.Col source="authorityNotifiedAt" disableSort>
          <DateField source="authorityNotifiedAt" showTime emptyText="–" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
