import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';

import { BreachInputs } from './BreachInputs';

// Breaches are never deleted: the log is the evidence (GDPR art. 33.5).
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export default function BreachEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <BreachInputs />
      </SimpleForm>
    </Edit>
  );
}
