import { BooleanField, CreateButton, DataTable, List, TopToolbar } from 'react-admin';

import { SurveyTitleField } from './SurveyFields';
import { DateField } from '../DateField';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

export default function SurveyList() {
  return (
    <List actions={<Actions />} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="title" field={SurveyTitleField} disableSort />
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
