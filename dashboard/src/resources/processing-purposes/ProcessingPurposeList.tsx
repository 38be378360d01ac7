// P12: why the agency processes personal data, on which legal basis, and for how long.
import {
  BooleanField,
  DataTable,
  List,
  NumberField,
  TextField,
  useCanAccess,
  useLocale,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { EnumChipField } from '../EnumChipField';
import { csvExporter } from '../../providers/exporter';
import { ListExportActions } from '../ListExportActions';
import { PhoneList } from '../PhoneList';

/** "Sparas (dagar): 400" on a phone row: how long the purpose keeps its data, the register's key fact. */
const RetentionDays = () => {
  const purpose = useRecordContext<{ id: string; retentionDays?: number | null }>();
  const translate = useTranslate();
  if (purpose?.retentionDays == null) return null;
  return <span>{`${translate('resources.processingPurposes.fields.retentionDays')}: ${purpose.retentionDays}`}</span>;
};

export default function ProcessingPurposeList() {
  const locale = useLocale();
  const { canAccess: canEdit } = useCanAccess({ resource: 'processingPurposes', action: 'edit' });
  return (
    <List exporter={csvExporter} perPage={25} actions={<ListExportActions />} pagination={false}>
      <PhoneList
        rowClick={canEdit ? 'edit' : false}
        primary={<TextField source={locale === 'sv' ? 'descriptionSv' : 'descriptionEn'} />}
        chips={[
          <EnumChipField key="key" source="key" prefix="sitecare.purpose" />,
          <EnumChipField key="basis" source="legalBasis" prefix="sitecare.legal_basis" />,
        ]}
        secondary={[<RetentionDays key="days" />, <TextField key="categories" source="dataCategories" />]}
      >
        <DataTable bulkActionButtons={false} rowClick={canEdit ? 'edit' : false}>
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
      </PhoneList>
    </List>
  );
}
