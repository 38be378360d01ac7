// Amounts in minor units (öre, cent) as money in the UI language.
import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, useRecordContext } from 'react-admin';

const intlLocale = (locale: string) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

export const formatMoney = (minor: number | null | undefined, currency: string, locale: string): string =>
  minor == null ? '–' : new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(minor / 100);

/** `source` in minor units, in the record's `currency` (or the one given). */
export const MoneyField = ({ source, currency }: { source: string; currency?: string; label?: string }) => {
  const record = useRecordContext();
  const value = useFieldValue({ source }) as number | null | undefined;
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatMoney(value, currency ?? String(record?.currency ?? 'SEK'), locale)}
    </Typography>
  );
};
