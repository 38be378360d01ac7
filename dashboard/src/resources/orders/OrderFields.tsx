import { EnumChipField } from '../EnumChipField';

export const OrderStatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.order_status"
    colors={{ PAID: 'success', PENDING_PAYMENT: 'warning', REFUNDED: 'info' }}
  />
);

export const PaymentStatusField = () => (
  <EnumChipField source="status" prefix="sitecare.payment_status" colors={{ PAID: 'success', FAILED: 'error' }} />
);

export const PaymentProviderField = () => <EnumChipField source="provider" prefix="sitecare.payment_provider" />;

export const IntervalField = () => <EnumChipField source="interval" prefix="sitecare.billing_interval" />;
