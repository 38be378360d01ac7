// P12, issue 23: staff edit a purpose: its descriptions, legal basis, data, how long its data is kept,
// and whether it is direct marketing. Whether an objection stops it (Art. 21) follows from the basis
// and the marketing flag; the API computes it, the form shows it.
import { Alert } from '@mui/material';
import {
  BooleanInput,
  Edit,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { EnumChipField } from '../EnumChipField';

export const LEGAL_BASES = [
  'CONSENT',
  'CONTRACT',
  'LEGAL_OBLIGATION',
  'LEGITIMATE_INTEREST',
  'VITAL_INTEREST',
  'PUBLIC_TASK',
] as const;
const legalBasisChoices = LEGAL_BASES.map((id) => ({ id, name: `sitecare.legal_basis.${id}` }));

// The purposes are the agency's fixed set: edited, never created or deleted.
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const categoriesFormat = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
const categoriesParse = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** What an objection (Art. 21) does to this purpose, as saved. */
function ObjectionNote() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate(
        record.stoppedByObjection ? 'sitecare.purpose_edit.objection_stops' : 'sitecare.purpose_edit.objection_keeps',
      )}
    </Alert>
  );
}

export default function ProcessingPurposeEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }}>
        <EnumChipField source="key" prefix="sitecare.purpose" />
        <ObjectionNote />
        <TextInput source="descriptionSv" multiline minRows={2} validate={required()} fullWidth />
        <TextInput source="descriptionEn" multiline minRows={2} validate={required()} fullWidth />
        <SelectInput source="legalBasis" choices={legalBasisChoices} validate={required()} />
        <TextInput
          source="dataCategories"
          format={categoriesFormat}
          parse={categoriesParse}
          helperText="sitecare.purpose_edit.categories_help"
          fullWidth
        />
        <NumberInput source="retentionDays" min={1} max={36500} helperText="sitecare.purpose_edit.retention_help" />
        <BooleanInput source="directMarketing" helperText="sitecare.purpose_edit.direct_marketing_help" />
      </SimpleForm>
    </Edit>
  );
}
