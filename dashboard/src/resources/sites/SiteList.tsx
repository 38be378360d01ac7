import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { siteStatusChoices } from '../choices';
import { seesOwnSitesOnly } from './ownSites';
import { ServicePackageField, SitePlatformField, SiteStatusField } from './SiteFields';
import { DateField } from '../DateField';
import { csvExporter } from '../../providers/exporter';
import { PhoneList } from '../PhoneList';

const SiteListActions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

const NoOwnSites = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography color="text.secondary" sx={{ p: 3 }}>
      {translate(message)}
    </Typography>
  );
};

export default function SiteList() {
  const role = useViewerRole();
  const ownOnly = seesOwnSitesOnly(role);
  // Only staff can list customers, so only they filter by one.
  const { canAccess: listsCustomers } = useCanAccess({ resource: 'customers', action: 'list' });
  const filters = [
    <TextInput
      key="q"
      source="q"
      label="sitecare.sites.search"
      type="search"
      alwaysOn
      resettable
      sx={{ minWidth: 260 }}
    />,
    <SelectInput key="status" source="status" choices={siteStatusChoices} alwaysOn />,
    ...(listsCustomers
      ? [
          <ReferenceInput key="customerId" source="customerId" reference="customers" alwaysOn>
            <AutocompleteInput label="resources.sites.fields.customerId" optionText="name" sx={{ minWidth: 240 }} />
          </ReferenceInput>,
        ]
      : []),
  ];
  return (
    <List
      exporter={csvExporter}
      title={ownOnly ? 'sitecare.sites.my_sites' : undefined}
      filters={filters}
      actions={<SiteListActions />}
      sort={{ field: 'domain', order: 'ASC' }}
      perPage={25}
      queryOptions={{ meta: { embed: ['customer', 'servicePackage'] } }}
      empty={
        ownOnly ? (
          <NoOwnSites
            message={role === 'CONTRACTOR' ? 'sitecare.sites.empty_contractor' : 'sitecare.sites.empty_customer'}
          />
        ) : undefined
      }
    >
      <PhoneList
        primary={<TextField source="domain" />}
        chips={<SiteStatusField />}
        secondary={[
          role === 'CUSTOMER' ? null : <TextField key="customer" source="customer.name" />,
          <ServicePackageField key="package" />,
        ]}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="domain" />
          <DataTable.Col source="platform" field={SitePlatformField} disableSort />
          <DataTable.Col source="status" field={SiteStatusField} />
          {role === 'CUSTOMER' ? null : (
            <DataTable.Col source="customer" disableSort>
              <TextField source="customer.name" />
            </DataTable.Col>
          )}
          <DataTable.Col source="servicePackage" field={ServicePackageField} disableSort />
          {ownOnly ? null : (
            <DataTable.Col source="createdAt">
              <DateField source="createdAt" />
            </DataTable.Col>
          )}
        </DataTable>
      </PhoneList>
    </List>
  );
}
