import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { EnumChipField } from '../EnumChipField';
import { formatMoney } from '../money';
import { DateField } from '../DateField';

/**
 * Issue 25: what a subscription costs per period: its package's price for its interval and currency,
 * the price a renewal order is placed at (checkout.service.ts), before VAT.
 */
export const SubscriptionPriceField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const prices =
    (record?.servicePackage as { prices?: { interval: string; currency: string; amountMinor: number }[] } | undefined)
      ?.prices ?? [];
  const price = prices.find((p) => p.interval === record?.interval && p.currency === record?.currency);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {price
        ? translate('sitecare.subscriptions.price', {
            amount: formatMoney(price.amountMinor, price.currency, locale),
            per: translate(`sitecare.packages.per.${price.interval}`),
          })
        : '–'}
    </Typography>
  );
};

/**
 * Issue 25: the next charge of a running subscription; a cancelled one does not renew, it ends with
 * the period already paid.
 */
export const NextChargeField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status === 'CANCELLED')
    return (
      <Typography component="span" variant="body2">
        {translate('sitecare.subscriptions.ends')} <DateField source="currentPeriodEnd" />
      </Typography>
    );
  return <DateField source="nextRenewalAt" />;
};

export const SubscriptionStatusField = () => (
  <EnumChipField
    source="status"
    prefix="sitecare.subscription_status"
    colors={{ ACTIVE: 'success', PAST_DUE: 'warning' }}
  />
);

interface PackageNames {
  nameSv?: string;
  nameEn?: string;
}

/** The package's name in the UI language (falling back to the other). */
export const packageName = (pkg: PackageNames | undefined, locale: string): string =>
  (locale === 'sv' ? (pkg?.nameSv ?? pkg?.nameEn) : (pkg?.nameEn ?? pkg?.nameSv)) ?? '';

export const PackageNameField = (_props: { label?: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2">
      {packageName(record?.servicePackage as PackageNames | undefined, locale)}
    </Typography>
  );
};

/** The show page's title: the subscription's package in the UI language. */
export const SubscriptionTitle = () => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <>
      {translate('resources.subscriptions.name', { smart_count: 1 })}{' '}
      {packageName(record?.servicePackage as PackageNames | undefined, locale)}
    </>
  );
};
