// P12: why the agency processes personal data, on which legal basis, and for how long.
import { BooleanField, DataTable, List, NumberField, TextField, useLocale } from 'react-admin';

import { EnumChipField } from '../EnumChipField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';

export default function ProcessingPurposeList() {
  const locale = useLocale();
  return (
    <List exporter={csvExporter} perPage={25} actions={<ListExportActions />} pagination={false}>
      {/* react-admin opens the edit view only for a role that may edit (canAccess): staff, not customers. */}
      <DataTable bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="key" disableSort>
          <EnumChipField source="key" prefix="sitecare.purpose" />
        </DataTable.Col>
        <DataTable.Col
          source={locale === 'sv' ? 'descriptionSv' : 'descriptionEn'}
          label="resources.processingPurposes.fields.description"
          disableSort
        >
          <TextField source={locale === 'sv' ? 'descriptionSv' : 'descriptionEn'} />
        </DataTable.Col>
        <DataTable.Col source="legalBasis" disableSort>
          <EnumChipField source="legalBasis" prefix="sitecare.legal_basis" />
        </DataTable.Col>
        <DataTable.Col source="dataCategories" disableSort>
          <TextField source="dataCategories" />
        </DataTable.Col>
        <DataTable.Col source="retentionDays" disableSort>
          <NumberField source="retentionDays" emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="stoppedByObjection" disableSort>
          <BooleanField source="stoppedByObjection" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
