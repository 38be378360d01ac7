// Countries as ISO 3166-1 alpha-2 codes (what the API stores), named in the UI language by
// Intl.DisplayNames and sorted by that language's collation.
import { Typography } from '@mui/material';
import { useMemo } from 'react';
import { useFieldValue, useLocaleState } from 'react-admin';

const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW'
).split(' ');

const displayNames = new Map<string, Intl.DisplayNames>();

/** The country's name in `locale` ("Sverige", "Sweden"), or the code when the browser has none. */
export function countryName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

/** Every country as `{ id: 'SE', name: 'Sverige' }`, sorted by name in the UI language. */
export function useCountryChoices(): { id: string; name: string }[] {
  const [locale] = useLocaleState();
  return useMemo(() => {
    const collator = new Intl.Collator(locale);
    return COUNTRY_CODES.map((id) => ({ id, name: countryName(id, locale) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [locale]);
}

/** A country code field shown as the country's name in the UI language. */
export const CountryField = ({ source }: { source: string; label?: string }) => {
  const [locale] = useLocaleState();
  const code = useFieldValue({ source }) as string | null | undefined;
  if (!code) return null;
  return (
    <Typography component="span" variant="body2" title={code}>
      {countryName(code, locale)}
    </Typography>
  );
};
