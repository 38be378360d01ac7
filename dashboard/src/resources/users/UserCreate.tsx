// Creating a user means inviting them: the API mails a link to choose a password.
import { Create, type RaRecord, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect } from 'react-admin';

import { currentViewer } from '../../providers/authProvider';
import { InvitationNotice } from './InvitationNotice';
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
          // Issue 25 item 10: queued or on its way, and the link to copy outside production.
          notify(<InvitationNotice user={user} />, { autoHideDuration: user.invitationLink ? null : 8000 });
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
