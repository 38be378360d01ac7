// The inputs CustomerCreate and CustomerEdit share.
import { AutocompleteInput, required, SelectInput, TextInput } from 'react-admin';

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
      {/* Issue 19: VAT by buyer, and the invoice address. */}
      <SelectInput
        source="buyerType"
        choices={[
          { id: 'COMPANY', name: 'sitecare.buyer_type.COMPANY' },
          { id: 'PRIVATE', name: 'sitecare.buyer_type.PRIVATE' },
        ]}
      />
      <TextInput source="vatNumber" autoComplete="off" helperText="sitecare.customers.vat_number_help" />
      <TextInput source="addressLine1" autoComplete="off" />
      <TextInput source="postalCode" autoComplete="off" />
      <TextInput source="city" autoComplete="off" />
      <TextInput source="notes" multiline minRows={3} helperText="sitecare.customers.notes_help" />
    </>
  );
};
