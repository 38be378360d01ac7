import { DeleteButton, Edit, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';

import { CustomerInputs } from './CustomerInputs';

const CustomerEditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// Delete hides itself from employees (admins only); its confirmation says what goes with the customer.
const CustomerEditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

export default function CustomerEdit() {
  return (
    <Edit actions={<CustomerEditActions />} mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={<CustomerEditToolbar />}>
        <CustomerInputs />
      </SimpleForm>
    </Edit>
  );
}
