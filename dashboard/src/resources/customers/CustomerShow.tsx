import { Box } from '@mui/material';
import { EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';

import { useCanRead } from '../../providers/useViewerRole';
import { CustomerConsents } from '../consent-events/CustomerConsents';
import { CountryField } from '../countries';
import { CustomerContacts } from './CustomerContacts';
import { CustomerSites } from './CustomerSites';
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
    <Show actions={<CustomerShowActions />} queryOptions={{ meta: { embed: ['contacts.socialIdentities', 'sites'] } }}>
      <SimpleShowLayout>
        <TextField source="name" />
        {seesOrganisationNumber ? <TextField source="organisationNumber" emptyText="–" /> : null}
        <Labeled source="billingCountry">
          <CountryField source="billingCountry" />
        </Labeled>
        {seesNotes ? <TextField source="notes" emptyText="–" sx={{ whiteSpace: 'pre-line' }} /> : null}
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <CustomerContacts />
        <CustomerSites />
        <CustomerSupportHours />
        <CustomerConsents />
      </Box>
    </Show>
  );
}
