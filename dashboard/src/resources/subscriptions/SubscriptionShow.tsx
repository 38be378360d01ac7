// A subscription with its current period, renewal and the customer's consent to recurring payments.
import { Box } from '@mui/material';
import { BooleanField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { IntervalField, PaymentProviderField } from '../orders/OrderFields';
import { Section } from '../Section';
import { SubscriptionCancelButton } from './SubscriptionCancelButton';
import { PaymentMethodReturnNotice, SubscriptionPaymentMethodButton } from './SubscriptionPaymentMethodButton';
import {
  NextChargeField,
  PackageNameField,
  SubscriptionPriceField,
  SubscriptionStatusField,
  SubscriptionTitle,
} from './SubscriptionFields';
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
  const staff = role !== 'CUSTOMER';
  const embed = ['servicePackage.prices', 'recurringConsent', ...(staff ? ['customer'] : [])];
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
        <Labeled source="price" label="resources.subscriptions.fields.price">
          <SubscriptionPriceField />
        </Labeled>
        <Labeled source="nextCharge" label="resources.subscriptions.fields.nextCharge">
          <NextChargeField />
        </Labeled>
        {/* Issue 25: the provider and the currency code are technical details, for staff. */}
        {staff ? <TextField source="currency" /> : null}
        {staff ? (
          <Labeled source="provider">
            <PaymentProviderField />
          </Labeled>
        ) : null}
        <BooleanField source="paymentMethodOnFile" />
        <DateField source="createdAt" showTime />
        <DateField source="currentPeriodStart" />
        <DateField source="currentPeriodEnd" />
        <DateField source="cancelledAt" showTime emptyText="–" />
        <TextField source="cancelReason" emptyText="–" />
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <Section title="sitecare.subscriptions.consent">
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="recurringConsent.wording" sx={{ whiteSpace: 'pre-wrap' }} />
            <DateField source="recurringConsent.givenAt" showTime />
            {staff ? <TextField source="recurringConsent.ip" /> : null}
            {staff ? <TextField source="recurringConsent.userAgent" /> : null}
          </SimpleShowLayout>
        </Section>
      </Box>
    </Show>
  );
}
