import { Create, SimpleForm } from 'react-admin';

import { breachDefaults, BreachInputs } from './BreachInputs';

export default function BreachCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={breachDefaults()}>
        <BreachInputs />
      </SimpleForm>
    </Create>
  );
}
