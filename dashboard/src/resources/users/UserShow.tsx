import { EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { LanguageField, RoleField, UserStatusField } from './UserFields';
import { UserStatusButton } from './UserStatusButton';
import { SecondFactorResetButton } from '../../auth/SecondFactorAdmin';
import { EndAllSessionsButton } from '../../auth/Sessions';
import { DateField } from '../DateField';

const UserShowActions = () => (
  <TopToolbar>
    <EditButton />
    <UserStatusButton />
    <SecondFactorResetButton />
    <EndAllSessionsButton />
  </TopToolbar>
);

export default function UserShow() {
  return (
    <Show actions={<UserShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <Labeled source="role">
          <RoleField />
        </Labeled>
        <Labeled source="status">
          <UserStatusField />
        </Labeled>
        <Labeled source="preferredLanguage">
          <LanguageField />
        </Labeled>
        <DateField source="lastLoginAt" showTime emptyText="–" />
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
