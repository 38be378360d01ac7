import {
  CreateButton,
  DataTable,
  ExportButton,
  List,
  NumberField,
  TextField,
  TopToolbar,
  useLocale,
} from 'react-admin';

import { DateField } from '../DateField';
import { EnumChipField } from '../EnumChipField';
import { csvExporter } from '../../providers/exporter';

const Actions = () => (
  <TopToolbar>
    <CreateButton label="sitecare.marketing.new" />
    <ExportButton />
  </TopToolbar>
);

/** The history of marketing sends, newest first. */
export default function MarketingCampaignList() {
  const locale = useLocale();
  const subject = locale === 'sv' ? 'subjectSv' : 'subjectEn';
  return (
    <List exporter={csvExporter} actions={<Actions />} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="createdAt" disableSort>
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="purposeKey" disableSort>
          <EnumChipField source="purposeKey" prefix="sitecare.purpose" />
        </DataTable.Col>
        <DataTable.Col source={subject} label="resources.marketingCampaigns.fields.subject" disableSort>
          <TextField source={subject} />
        </DataTable.Col>
        <DataTable.Col source="queued" disableSort>
          <NumberField source="queued" />
        </DataTable.Col>
        <DataTable.Col source="refused" disableSort>
          <NumberField source="refused" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
