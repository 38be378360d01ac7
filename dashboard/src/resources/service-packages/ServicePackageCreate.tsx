import { Create, SimpleForm } from 'react-admin';

import { packageDefaults, ServicePackageInputs } from './ServicePackageInputs';

export default function ServicePackageCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={packageDefaults}>
        <ServicePackageInputs />
      </SimpleForm>
    </Create>
  );
}
