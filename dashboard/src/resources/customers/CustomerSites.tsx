// A customer's sites on its page, linking to each site; staff can add one for this customer.
import { CreateButton, DataTable, useRecordContext } from 'react-admin';

import { EmbeddedTable } from '../EmbeddedTable';
import { EmptyText, Section } from '../Section';
import { SitePlatformField, SiteStatusField } from '../sites/SiteFields';

const AddSiteButton = () => {
  const customer = useRecordContext();
  if (!customer) return null;
  return (
    <CreateButton
      resource="sites"
      label="sitecare.customers.add_site"
      state={{ record: { customerId: customer.id } }}
    />
  );
};

export const CustomerSites = () => (
  <Section title="sitecare.customers.sites" actions={<AddSiteButton />}>
    <EmbeddedTable source="sites" resource="sites" sort={{ field: 'domain', order: 'ASC' }}>
      <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyText text="sitecare.customers.no_sites" />}>
        <DataTable.Col source="domain" />
        <DataTable.Col source="platform" field={SitePlatformField} />
        <DataTable.Col source="status" field={SiteStatusField} />
      </DataTable>
    </EmbeddedTable>
  </Section>
);
