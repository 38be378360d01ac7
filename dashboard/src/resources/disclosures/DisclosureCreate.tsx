// A disclosure of personal data to a third party (P30): to whom, what, on which legal ground, when,
// and about which person, picked by name or e-mail among the agency's contacts. The API records
// the staff member who saves it as the one who disclosed.
import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  type RaRecord,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';

import { parseDateTime } from '../breaches/isoDateTime';

const contactOption = (contact: RaRecord) => `${String(contact.name)} <${String(contact.email)}>`;

export default function DisclosureCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ disclosedAt: new Date().toISOString() }}>
        <TextInput source="recipient" validate={required()} />
        <TextInput source="dataDescription" multiline validate={required()} />
        <TextInput source="legalGround" multiline validate={required()} />
        <ReferenceInput source="contactId" reference="contacts" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            optionText={contactOption}
            filterToQuery={(q: string) => ({ q })}
            label="resources.disclosures.fields.contactId"
          />
        </ReferenceInput>
        <DateTimeInput source="disclosedAt" parse={parseDateTime} validate={required()} />
        <TextInput source="notes" multiline minRows={2} />
      </SimpleForm>
    </Create>
  );
}
