// The inputs UserCreate (an invitation) and UserEdit share.
import { email, required, SelectInput, TextInput, useGetIdentity, useRecordContext } from 'react-admin';

import { languageChoices, roleChoices } from '../choices';

export const UserInputs = ({ inviting = false }: { inviting?: boolean }) => {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const isSelf = !inviting && record?.id !== undefined && record.id === identity?.id;
  return (
    <>
      {inviting ? (
        <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      ) : (
        <TextInput source="email" readOnly helperText="sitecare.users.email_fixed" />
      )}
      <TextInput source="name" autoComplete="off" validate={required()} />
      <SelectInput
        source="role"
        choices={roleChoices}
        validate={required()}
        readOnly={isSelf}
        helperText={isSelf ? 'sitecare.users.own_role' : false}
      />
      <SelectInput
        source="preferredLanguage"
        choices={languageChoices}
        validate={inviting ? undefined : required()}
        helperText={inviting ? 'sitecare.users.language_help' : false}
      />
    </>
  );
};
