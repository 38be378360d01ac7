import { Create, DateTimeInput, required, SimpleForm, TextInput } from 'react-admin';

import { parseDateTime } from '../breaches/isoDateTime';

export default function DisclosureCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ disclosedAt: new Date().toISOString() }}>
        <TextInput source="recipient" validate={required()} />
        <TextInput source="dataDescription" multiline validate={required()} />
        <TextInput source="legalGround" multiline validate={required()} />
        <DateTimeInput source="disclosedAt" parse={parseDateTime} validate={required()} />
        <TextInput source="notes" multiline minRows={2} />
      </SimpleForm>
    </Create>
  );
}
