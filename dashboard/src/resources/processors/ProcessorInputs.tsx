// The inputs ProcessorCreate and ProcessorEdit share (P19, P24).
import { AutocompleteInput, required, SelectInput, TextInput } from 'react-admin';

import { useCountryChoices } from '../countries';
import { transferMechanismChoices } from './choices';

export const ProcessorInputs = () => {
  const countries = useCountryChoices();
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="purpose" multiline validate={required()} />
      <TextInput source="dataCategories" multiline validate={required()} />
      <AutocompleteInput source="country" choices={countries} translateChoice={false} validate={required()} />
      <SelectInput source="transferMechanism" choices={transferMechanismChoices} validate={required()} />
      <TextInput source="contractDate" type="date" InputLabelProps={{ shrink: true }} />
      <TextInput source="contact" />
      <TextInput source="url" type="url" />
      <TextInput source="notes" multiline minRows={2} />
    </>
  );
};
