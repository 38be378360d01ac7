// Changing the card or account renewals are charged to: the customer goes to the payment provider's
// own page and comes back here. No card or account number ever passes through Sitecare.
import CreditCardIcon from '@mui/icons-material/CreditCard';
import { useEffect, useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';
import { LabelledButton } from '../LabelledButton';

export const SubscriptionPaymentMethodButton = () => {
  const subscription = useRecordContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const { canAccess } = useCanAccess({
    resource: 'subscriptions',
    action: 'changePaymentMethod',
    record: subscription,
  });
  if (!subscription || !canAccess || subscription.status === 'CANCELLED') return null;
  const go = async () => {
    setPending(true);
    try {
      const { data } = await dataProvider.update('subscriptions', {
        id: subscription.id,
        data: {},
        previousData: subscription,
        meta: { action: 'changePaymentMethod' },
      });
      window.location.assign(String((data as { redirectUrl?: string }).redirectUrl));
    } catch (error) {
      setPending(false);
      notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <LabelledButton label="sitecare.subscriptions.change_method" onClick={go} disabled={pending}>
      <CreditCardIcon />
    </LabelledButton>
  );
};

/** Back from the provider's page (`?method=updated|cancelled|failed`): says how it went, once. */
export const PaymentMethodReturnNotice = () => {
  const notify = useNotify();
  // The dashboard routes in the hash: #/subscriptions/<id>/show?method=updated
  const method = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('method');
  useEffect(() => {
    if (method === 'updated') notify('sitecare.subscriptions.method_updated', { type: 'info' });
    else if (method === 'cancelled' || method === 'failed' || method === 'unknown')
      notify('sitecare.subscriptions.method_not_changed', { type: 'warning' });
  }, [method, notify]);
  return null;
};
