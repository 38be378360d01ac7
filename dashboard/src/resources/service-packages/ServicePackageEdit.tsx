import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';

import { WITH_PRICES } from './ServicePackageFields';
import { ServicePackageInputs } from './ServicePackageInputs';

// Packages are deactivated, never deleted (orders and sites refer to them).
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export default function ServicePackageEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" queryOptions={WITH_PRICES} mutationOptions={WITH_PRICES}>
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <ServicePackageInputs />
      </SimpleForm>
    </Edit>
  );
}
