// The inputs of a contact, in the dialog that adds or edits one.
import {
  ArrayInput,
  AutocompleteInput,
  email,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';

import { languageChoices } from '../choices';
import { useCountryChoices } from '../countries';
import { formatPhone } from '../PhoneField';

export const ContactInputs = () => {
  const countries = useCountryChoices();
  return (
    <>
      <TextInput source="name" autoComplete="off" validate={required()} />
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <TextInput
        source="phone"
        type="tel"
        autoComplete="off"
        format={(value: string | null | undefined) => formatPhone(value)}
        helperText="sitecare.contacts.phone_help"
      />
      <TextInput source="postalCode" autoComplete="off" />
      <AutocompleteInput source="country" choices={countries} translateChoice={false} />
      <SelectInput source="preferredLanguage" choices={languageChoices} validate={required()} />
      <ArrayInput source="socialIdentities">
        <SimpleFormIterator inline disableReordering>
          <TextInput
            source="provider"
            label="sitecare.contacts.provider"
            helperText="sitecare.contacts.provider_help"
            validate={required()}
          />
          <TextInput source="externalId" label="sitecare.contacts.external_id" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
      <TextInput source="notes" multiline minRows={2} helperText="sitecare.contacts.notes_help" />
    </>
  );
};
