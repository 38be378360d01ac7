// Creating a user means inviting them: the API mails a link to choose a password.
import { Create, type RaRecord, SaveButton, SimpleForm, Toolbar, useRedirect } from 'react-admin';

import { currentViewer } from '../../providers/authProvider';
import { useInvitationNotice } from './InvitationNotice';
import { UserInputs } from './UserInputs';

const InviteToolbar = () => (
  <Toolbar>
    <SaveButton label="sitecare.users.send_invitation" />
  </Toolbar>
);

export default function UserCreate() {
  const invitationNotice = useInvitationNotice();
  const redirect = useRedirect();
  const defaults = { role: 'EMPLOYEE', preferredLanguage: currentViewer()?.tenant.defaultLanguage ?? 'sv' };
  return (
    <Create
      title="sitecare.users.invite_title"
      mutationOptions={{
        onSuccess: (user: RaRecord) => {
          // Issue 25 item 10: queued or on its way, and the link to copy outside production.
          invitationNotice(user);
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
