import { CreateButton, DataTable, ExportButton, List, SelectInput, TextInput, TopToolbar } from 'react-admin';

import { roleChoices, userStatusChoices } from '../choices';
import { LanguageField, RoleField, UserStatusField } from './UserFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';

const filters = [
  <TextInput key="q" source="q" label="sitecare.users.search" type="search" alwaysOn resettable />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={userStatusChoices} alwaysOn />,
];

const UserListActions = () => (
  <TopToolbar>
    <CreateButton label="sitecare.users.invite" />
    <ExportButton />
  </TopToolbar>
);

export default function UserList() {
  return (
    <List
      exporter={csvExporter}
      filters={filters}
      actions={<UserListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
    >
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="email" />
        <DataTable.Col source="role" field={RoleField} />
        <DataTable.Col source="status" field={UserStatusField} />
        <DataTable.Col source="preferredLanguage" field={LanguageField} disableSort />
        <DataTable.Col source="lastLoginAt">
          <DateField source="lastLoginAt" showTime emptyText="–" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
