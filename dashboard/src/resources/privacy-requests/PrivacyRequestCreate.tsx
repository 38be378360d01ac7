// P28, issue 23: staff record a request that came by phone or letter. It starts as RECEIVED (the
// person's identity is confirmed next, on the request's page); the deadline runs from now.
import { Create, email, required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { languageChoices } from '../choices';
import { privacyTypeChoices } from './PrivacyRequestFields';

export default function PrivacyRequestCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ language: 'sv' }} sx={{ maxWidth: 720 }}>
        <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
        <SelectInput source="type" choices={privacyTypeChoices} validate={required()} />
        <SelectInput source="language" choices={languageChoices} helperText="sitecare.privacy.language_help" />
        <TextInput source="details" multiline minRows={3} helperText="sitecare.privacy.details_help" fullWidth />
      </SimpleForm>
    </Create>
  );
}
