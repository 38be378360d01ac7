// Cancelling an active subscription, after a confirmation with an optional reason. The paid period
// runs to its end; the subscription just does not renew.
import CancelIcon from '@mui/icons-material/Cancel';
import { useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { ReasonAction } from '../ReasonAction';
import { packageName } from './SubscriptionFields';

export const formatDate = (value: unknown, locale: string) =>
  value ? new Date(String(value)).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }) : '–';

export const SubscriptionCancelButton = () => {
  const subscription = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess } = useCanAccess({ resource: 'subscriptions', action: 'cancel', record: subscription });
  if (!subscription || !canAccess || subscription.status === 'CANCELLED') return null;
  return (
    <ReasonAction
      resource="subscriptions"
      action="cancel"
      label="sitecare.subscriptions.cancel"
      icon={<CancelIcon />}
      title="sitecare.subscriptions.cancel_title"
      titleOptions={{ name: packageName(subscription.servicePackage, locale) }}
      content={translate('sitecare.subscriptions.cancel_content', {
        end: formatDate(subscription.currentPeriodEnd, locale),
      })}
      reasonLabel="sitecare.subscriptions.cancel_reason"
      done="sitecare.subscriptions.cancel_done"
    />
  );
};
