import { CreateButton, DataTable, ExportButton, List, TextField, TopToolbar } from 'react-admin';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export default function DisclosureList() {
  return (
    <List
      exporter={csvExporter}
      actions={<Actions />}
      perPage={25}
      queryOptions={{ meta: { embed: ['disclosedBy', 'contact'] } }}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="disclosedAt" disableSort>
          <DateField source="disclosedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="recipient" disableSort />
        <DataTable.Col source="dataDescription" disableSort />
        <DataTable.Col source="legalGround" disableSort />
        <DataTable.Col source="disclosedBy" disableSort>
          <TextField source="disclosedBy.name" emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="contact" disableSort>
          <TextField source="contact.name" emptyText="–" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
