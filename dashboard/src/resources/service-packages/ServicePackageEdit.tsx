import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';

import { ServicePackageInputs } from './ServicePackageInputs';

// Packages are deactivated, never deleted (orders and sites refer to them).
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export default function ServicePackageEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <ServicePackageInputs />
      </SimpleForm>
    </Edit>
  );
}
