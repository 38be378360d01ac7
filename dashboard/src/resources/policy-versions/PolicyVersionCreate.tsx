import { BooleanInput, Create, required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { languageChoices } from '../choices';

export default function PolicyVersionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="version" validate={required()} />
        <SelectInput source="language" choices={languageChoices} validate={required()} />
        <TextInput source="text" multiline minRows={8} fullWidth validate={required()} />
        <BooleanInput source="materialChange" helperText="sitecare.policy.material_help" />
      </SimpleForm>
    </Create>
  );
}
