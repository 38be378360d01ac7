// What a site is and whose: the first tab, for everyone who may see the site.
import { Box, Link as MuiLink } from '@mui/material';
import {
  DataTable,
  EmailField,
  Labeled,
  Link,
  SimpleShowLayout,
  TextField,
  UrlField,
  useCanAccess,
  useCreatePath,
  useRecordContext,
} from 'react-admin';

import { EmbeddedTable } from '../EmbeddedTable';
import { PhoneField } from '../PhoneField';
import { EmptyText, Section } from '../Section';
import { LanguageField } from '../users/UserFields';
import { ServicePackageField, SitePlatformField, SiteStatusField } from './SiteFields';
import { DateField } from '../DateField';

/** The customer's name; a link to the customer for staff (who manage customers). */
const CustomerNameField = () => {
  const site = useRecordContext();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'customers', action: 'list' });
  if (!site?.customer) return null;
  if (!canAccess) return <TextField source="customer.name" />;
  return (
    <MuiLink
      component={Link}
      variant="body2"
      to={createPath({ resource: 'customers', id: site.customer.id, type: 'show' })}
    >
      {site.customer.name}
    </MuiLink>
  );
};

const CustomerContacts = () => {
  const site = useRecordContext();
  return (
    <Section title="sitecare.sites.contacts_at" titleArgs={{ customer: site?.customer?.name ?? '' }}>
      <EmbeddedTable source="customer.contacts" resource="contacts" sort={{ field: 'name', order: 'ASC' }}>
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          empty={<EmptyText text="sitecare.customers.no_contacts" />}
        >
          <DataTable.Col source="name" />
          <DataTable.Col source="email">
            <EmailField source="email" />
          </DataTable.Col>
          <DataTable.Col source="phone">
            <PhoneField source="phone" />
          </DataTable.Col>
          <DataTable.Col source="preferredLanguage" field={LanguageField} />
        </DataTable>
      </EmbeddedTable>
    </Section>
  );
};

const openInNewTab = { target: '_blank', rel: 'noopener noreferrer' };

export const SiteOverview = (_: { label?: false }) => (
  <Box>
    <SimpleShowLayout sx={{ p: 0 }}>
      <TextField source="domain" />
      <Labeled source="platform">
        <SitePlatformField />
      </Labeled>
      <Labeled source="status">
        <SiteStatusField />
      </Labeled>
      <UrlField source="productionUrl" {...openInNewTab} />
      <UrlField source="stagingUrl" emptyText="–" {...openInNewTab} />
      <Labeled source="customer">
        <CustomerNameField />
      </Labeled>
      <Labeled source="servicePackage">
        <ServicePackageField />
      </Labeled>
      <DateField source="createdAt" showTime />
    </SimpleShowLayout>
    <CustomerContacts />
  </Box>
);
