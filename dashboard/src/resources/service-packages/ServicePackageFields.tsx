import { Box, Chip } from '@mui/material';
import { type RaRecord, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { formatMoney } from '../money';
import { packageName } from '../sites/SiteFields';

/**
 * Issue 25: a package's prices are objects, read only when a view asks for them (the data provider's
 * `embed`); every view of packages asks (the list, the page and the edit form). A role that may not
 * read prices (contractors) gets the rest: the data provider leaves the field out for it.
 */
export const WITH_PRICES = { meta: { embed: ['prices'] } };

interface PackagePrice {
  interval: string;
  currency: string;
  amountMinor: number;
}

export const PackageNameField = (_props: { label?: string }) => {
  const pkg = useRecordContext();
  const [locale] = useLocaleState();
  return <span>{packageName(pkg as RaRecord | undefined, locale)}</span>;
};

export const PackageDescriptionField = (_props: { label?: string }) => {
  const pkg = useRecordContext();
  const [locale] = useLocaleState();
  return <span>{String((locale === 'sv' ? pkg?.descriptionSv : pkg?.descriptionEn) ?? '')}</span>;
};

/** The prices as chips: "299,00 kr / month". */
export const PricesField = (_props: { label?: string }) => {
  const pkg = useRecordContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const prices = (pkg?.prices as PackagePrice[] | undefined) ?? [];
  if (!prices.length) return <span>–</span>;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {prices.map((price) => (
        <Chip
          key={`${price.interval}-${price.currency}`}
          size="small"
          variant="outlined"
          label={`${formatMoney(price.amountMinor, price.currency, locale)} ${translate(`sitecare.packages.per.${price.interval}`, { _: price.interval })}`}
        />
      ))}
    </Box>
  );
};
