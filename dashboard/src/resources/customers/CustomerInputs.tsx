// The inputs CustomerCreate and CustomerEdit share.
import { AutocompleteInput, required, TextInput } from 'react-admin';

import { useCountryChoices } from '../countries';

export const CustomerInputs = () => {
  const countries = useCountryChoices();
  return (
    <>
      <TextInput source="name" autoComplete="off" validate={required()} />
      <TextInput source="organisationNumber" autoComplete="off" />
      <AutocompleteInput
        source="billingCountry"
        choices={countries}
        translateChoice={false}
        validate={required()}
        sx={{ minWidth: 280 }}
      />
      <TextInput source="notes" multiline minRows={3} helperText="sitecare.customers.notes_help" />
    </>
  );
};
