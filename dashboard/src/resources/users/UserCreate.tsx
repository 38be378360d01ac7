// Creating a user means inviting them: the API mails a link to choose a password.
import { Create, type RaRecord, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect } from 'react-admin';

import { currentViewer } from '../../providers/authProvider';
import { UserInputs } from './UserInputs';

const InviteToolbar = () => (
  <Toolbar>
    <SaveButton label="sitecare.users.send_invitation" />
  </Toolbar>
);

export default function UserCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const defaults = { role: 'EMPLOYEE', preferredLanguage: currentViewer()?.tenant.defaultLanguage ?? 'sv' };
  return (
    <Create
      title="sitecare.users.invite_title"
      mutationOptions={{
        onSuccess: (user: RaRecord) => {
          notify('sitecare.users.invited', { type: 'info', messageArgs: { email: user.email } });
          redirect('list', 'users');
        },
      }}
    >
      <SimpleForm defaultValues={defaults} toolbar={<InviteToolbar />}>
        <UserInputs inviting />
      </SimpleForm>
    </Create>
  );
}
