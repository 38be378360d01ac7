import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { EnumChipField } from '../EnumChipField';

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
