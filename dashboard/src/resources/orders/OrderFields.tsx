import { Typography } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';

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

/** The method as the provider reports it (card, paypal, ideal…), named for people; unknown ones as they come. */
export const PaymentMethodField = () => {
  const translate = useTranslate();
  const method = useFieldValue({ source: 'method' }) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {method ? translate(`sitecare.payment_method.${method}`, { _: method }) : '–'}
    </Typography>
  );
};

/** Issue 25: why a payment failed, as the provider's code (card_declined…) named for people. */
export function failureText(translate: (key: string, options?: object) => string, code: string | null | undefined) {
  return code ? translate(`sitecare.payment_failure.${code}`, { _: code }) : '–';
}

export const PaymentFailureField = (_props: { label?: string }) => {
  const translate = useTranslate();
  const code = useFieldValue({ source: 'failureReason' }) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {failureText(translate, code)}
    </Typography>
  );
};

export const IntervalField = () => <EnumChipField source="interval" prefix="sitecare.billing_interval" />;

/** "Order 12": an order's name in a stacked list row (the same words as the home page's orders card). */
export const OrderNumberField = (_props: { label?: string }) => {
  const translate = useTranslate();
  const number = useFieldValue({ source: 'number' });
  return <span>{translate('sitecare.portal.orders.number', { number })}</span>;
};
