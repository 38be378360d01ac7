// P14: a marketing e-mail to everyone who consented to a purpose by e-mail. Each recipient passes the
// marketing gate (consent, suppression, restriction, objection, minors); the result is the campaign's
// page with who was sent and who was refused, and why.
import { Alert } from '@mui/material';
import { Create, required, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';

import { purposeChoices } from '../consent-events/consentChoices';

const Notice = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('sitecare.marketing.gate_notice')}
    </Alert>
  );
};

export default function MarketingCampaignCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ purposeKey: 'newsletter' }} sx={{ maxWidth: 720 }}>
        <Notice />
        <SelectInput source="purposeKey" choices={purposeChoices} validate={required()} />
        <TextInput source="subjectSv" validate={required()} fullWidth />
        <TextInput source="bodySv" multiline minRows={4} validate={required()} fullWidth />
        <TextInput source="subjectEn" validate={required()} fullWidth />
        <TextInput source="bodyEn" multiline minRows={4} validate={required()} fullWidth />
        <TextInput source="link" type="url" helperText="sitecare.marketing.link_help" fullWidth />
      </SimpleForm>
    </Create>
  );
}
