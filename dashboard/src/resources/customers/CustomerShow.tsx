// A customer's page (issue 25): who it is, then the whole story in one query: contacts, sites, open
// tickets, orders, invoices, subscriptions, consents, support hours and (admins) recent activity.
import { Box } from '@mui/material';
import { EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';

import { useCanRead } from '../../providers/useViewerRole';
import { CustomerConsents } from '../consent-events/CustomerConsents';
import { CountryField } from '../countries';
import { CustomerContacts } from './CustomerContacts';
import { CustomerSites } from './CustomerSites';
import {
  CUSTOMER_STORY_EMBED,
  CustomerActivity,
  CustomerInvoices,
  CustomerOpenTickets,
  CustomerOrders,
  CustomerSubscriptions,
  StoryGrid,
} from './CustomerStory';
import { SupportHours } from './SupportHours';
import { DateField } from '../DateField';

const CustomerShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const CustomerSupportHours = () => {
  const customer = useRecordContext();
  const seesHours = useCanRead('Customer.supportHours');
  return seesHours ? <SupportHours customerId={customer?.id ? String(customer.id) : undefined} /> : null;
};

export default function CustomerShow() {
  // Fields the viewer's role may not read are not asked for (the data provider), nor shown here.
  const seesOrganisationNumber = useCanRead('Customer.organisationNumber');
  const seesNotes = useCanRead('Customer.notes');
  return (
    <Show
      actions={<CustomerShowActions />}
      queryOptions={{ meta: { embed: ['contacts.socialIdentities', 'sites', ...CUSTOMER_STORY_EMBED] } }}
    >
      <SimpleShowLayout
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(auto-fill, minmax(12rem, 1fr))' },
          columnGap: 2,
        }}
      >
        <TextField source="name" />
        {seesOrganisationNumber ? <TextField source="organisationNumber" emptyText="–" /> : null}
        <Labeled source="billingCountry">
          <CountryField source="billingCountry" />
        </Labeled>
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
      {seesNotes ? (
        <SimpleShowLayout sx={{ pt: 0 }}>
          <TextField source="notes" emptyText="–" sx={{ whiteSpace: 'pre-line' }} />
        </SimpleShowLayout>
      ) : null}
      <Box sx={{ px: 2, pb: 2 }}>
        <CustomerContacts />
        <StoryGrid>
          <CustomerSites />
          <CustomerOpenTickets />
          <CustomerOrders />
          <CustomerInvoices />
          <CustomerSubscriptions />
          <CustomerSupportHours />
        </StoryGrid>
        <CustomerConsents />
        <CustomerActivity />
      </Box>
    </Show>
  );
}
