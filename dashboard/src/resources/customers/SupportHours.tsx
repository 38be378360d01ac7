// A customer's support hours per month against its care packages' `supportHoursPerMonth` (issue 18):
// on the customer's page (staff) and on the customer's own overview (the portal). The server sums the
// time logged on the customer's tickets; a customer never reads the entries themselves.
import { Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

import { graphqlRequest } from '../../providers/graphqlRequest';
import { Section } from '../Section';
import { formatMinutes } from '../support-tickets/TicketTime';

export interface SupportHoursMonth {
  month: string;
  minutesUsed: number;
  hoursIncluded: number;
}

const QUERY = `query CustomerSupportHours($id: UUID!) { customer(id: $id) { supportHours(months: 6) { month minutesUsed hoursIncluded } } }`;

const monthName = (month: string, locale: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const OWN_QUERY = `query MySupportHours { me { contact { customer { supportHours(months: 6) { month minutesUsed hoursIncluded } } } } }`;

/** The months of `customerId`, or (`'own'`) of the customer login's own customer. */
export function useSupportHours(customerId: string | 'own' | undefined): SupportHoursMonth[] | undefined {
  const [months, setMonths] = useState<SupportHoursMonth[]>();
  useEffect(() => {
    if (!customerId) return;
    let current = true;
    const request =
      customerId === 'own'
        ? graphqlRequest<{ me: { contact: { customer: { supportHours: SupportHoursMonth[] } } | null } }>(
            OWN_QUERY,
          ).then((data) => data.me.contact?.customer.supportHours ?? [])
        : graphqlRequest<{ customer: { supportHours: SupportHoursMonth[] } }>(QUERY, { id: customerId }).then(
            (data) => data.customer.supportHours,
          );
    request.then(
      (data) => current && setMonths(data),
      () => current && setMonths([]),
    );
    return () => {
      current = false;
    };
  }, [customerId]);
  return months;
}

export const SupportHoursTable = ({ months }: { months: SupportHoursMonth[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const latest = months[months.length - 1];
  if (!latest) return null;
  const included = latest.hoursIncluded * 60;
  return (
    <>
      <Typography variant="body1" sx={{ mb: 1 }} data-testid="support-hours-summary">
        {included
          ? translate('sitecare.support_hours.summary', {
              used: formatMinutes(latest.minutesUsed),
              included: formatMinutes(included),
            })
          : translate('sitecare.support_hours.none_included')}
      </Typography>
      {included ? (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, (latest.minutesUsed / included) * 100)}
          color={latest.minutesUsed > included ? 'error' : 'primary'}
          aria-label={translate('sitecare.support_hours.title')}
          sx={{ mb: 2, height: 8, borderRadius: 1 }}
        />
      ) : null}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th">{translate('sitecare.support_hours.month')}</TableCell>
              <TableCell component="th" align="right">
                {translate('sitecare.support_hours.used')}
              </TableCell>
              <TableCell component="th" align="right">
                {translate('sitecare.support_hours.included')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...months].reverse().map((m) => (
              <TableRow key={m.month}>
                <TableCell>{monthName(m.month, locale)}</TableCell>
                <TableCell align="right">
                  {formatMinutes(m.minutesUsed)}
                  {m.hoursIncluded && m.minutesUsed > m.hoursIncluded * 60 ? (
                    <Typography component="span" variant="caption" color="error" sx={{ ml: 1 }}>
                      {translate('sitecare.support_hours.over', {
                        time: formatMinutes(m.minutesUsed - m.hoursIncluded * 60),
                      })}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell align="right">{formatMinutes(m.hoursIncluded * 60)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
};

/** The section on a customer's page. */
export const SupportHours = ({ customerId }: { customerId: string | undefined }) => {
  const months = useSupportHours(customerId);
  if (!months?.length) return null;
  return (
    <Section title="sitecare.support_hours.title">
      <SupportHoursTable months={months} />
    </Section>
  );
};
