import { Edit, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';

import { UserInputs } from './UserInputs';
import { UserStatusButton } from './UserStatusButton';

const UserEditActions = () => (
  <TopToolbar>
    <ShowButton />
    <UserStatusButton />
  </TopToolbar>
);

// Users are disabled, never deleted (their audit trail stays): no delete button.
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export default function UserEdit() {
  return (
    <Edit actions={<UserEditActions />} mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}
