// Issue 25: phone numbers as people write them. The API stores E.164 ("+46705551234"); the dashboard
// shows a number of the agency's own country in its national form ("070-555 12 34") and any other in
// international form ("+47 41 23 45 67"). Every phone the dashboard shows goes through `formatPhone`.
import { Link, Typography } from '@mui/material';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { useFieldValue } from 'react-admin';

import { currentViewer } from '../providers/authProvider';

/** The agency's country (the viewer's tenant), which decides national or international form. */
const agencyCountry = () => currentViewer()?.tenant.country?.toUpperCase() ?? 'SE';

/** A stored number formatted for reading; anything that does not parse is shown as stored. */
export function formatPhone(value: string | null | undefined, country = agencyCountry()): string {
  if (!value) return '';
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed?.isValid()) return value;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}

/** A phone number from the record, formatted and dialable (`tel:` with E.164). */
export const PhoneField = ({ source, emptyText = '–' }: { source: string; emptyText?: string; label?: string }) => {
  const value = useFieldValue<Record<string, unknown>>({ source }) as string | null | undefined;
  if (!value) return <Typography variant="body2">{emptyText}</Typography>;
  return (
    <Link href={`tel:${value}`} variant="body2" underline="hover" sx={{ whiteSpace: 'nowrap' }}>
      {formatPhone(value)}
    </Link>
  );
};
