// A subscription with its current period, renewal and the customer's consent to recurring payments.
import { Box } from '@mui/material';
import { BooleanField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { IntervalField, PaymentProviderField } from '../orders/OrderFields';
import { Section } from '../Section';
import { SubscriptionCancelButton } from './SubscriptionCancelButton';
import { PaymentMethodReturnNotice, SubscriptionPaymentMethodButton } from './SubscriptionPaymentMethodButton';
import { PackageNameField, SubscriptionStatusField, SubscriptionTitle } from './SubscriptionFields';
import { DateField } from '../DateField';

const Actions = () => (
  <TopToolbar>
    <PaymentMethodReturnNotice />
    <SubscriptionPaymentMethodButton />
    <SubscriptionCancelButton />
  </TopToolbar>
);

export default function SubscriptionShow() {
  const role = useViewerRole();
  const embed = ['servicePackage', 'recurringConsent', ...(role === 'CUSTOMER' ? [] : ['customer'])];
  return (
    <Show title={<SubscriptionTitle />} actions={<Actions />} queryOptions={{ meta: { embed } }}>
      <SimpleShowLayout>
        <Labeled source="servicePackage">
          <PackageNameField />
        </Labeled>
        {role === 'CUSTOMER' ? null : (
          <TextField source="customer.name" label="resources.subscriptions.fields.customer" />
        )}
        <Labeled source="status">
          <SubscriptionStatusField />
        </Labeled>
        <Labeled source="interval">
          <IntervalField />
        </Labeled>
        <TextField source="currency" />
        <Labeled source="provider">
          <PaymentProviderField />
        </Labeled>
        <BooleanField source="paymentMethodOnFile" />
        <DateField source="createdAt" showTime />
        <DateField source="currentPeriodStart" />
        <DateField source="currentPeriodEnd" />
        <DateField source="nextRenewalAt" />
        <DateField source="cancelledAt" showTime emptyText="–" />
        <TextField source="cancelReason" emptyText="–" />
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <Section title="sitecare.subscriptions.consent">
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="recurringConsent.wording" sx={{ whiteSpace: 'pre-wrap' }} />
            <DateField source="recurringConsent.givenAt" showTime />
            <TextField source="recurringConsent.ip" />
            <TextField source="recurringConsent.userAgent" />
          </SimpleShowLayout>
        </Section>
      </Box>
    </Show>
  );
}
