import { BooleanField, CreateButton, DataTable, ExportButton, List, TopToolbar } from 'react-admin';

import { SurveyTitleField } from './SurveyFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { PhoneList } from '../PhoneList';

const Actions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export default function SurveyList() {
  return (
    <List exporter={csvExporter} actions={<Actions />} perPage={25}>
      <PhoneList primary={<SurveyTitleField />} secondary={[<DateField key="created" source="createdAt" />]}>
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="title" field={SurveyTitleField} disableSort />
          <DataTable.Col source="active" disableSort>
            <BooleanField source="active" />
          </DataTable.Col>
          <DataTable.Col source="createdAt" disableSort>
            <DateField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </PhoneList>
    </List>
  );
}
