// Issue 22: a site's care: uptime over the last 30 days (from the daily roll-ups of its checks),
// incidents with their durations, and the updates its agent reported. Narrow screens get the same
// tables, scrolling sideways inside their box.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type RaRecord, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { EmptyText, Section } from '../Section';

interface UptimeDay {
  periodStart: string;
  checks: number;
  okChecks: number;
  p95Ms?: number | null;
}
interface Incident {
  id: string;
  kind: 'DOWN' | 'CERTIFICATE' | 'DOMAIN';
  openedAt: string;
  closedAt?: string | null;
  durationMinutes?: number | null;
}
interface Update {
  id: string;
  component: string;
  fromVersion?: string | null;
  toVersion: string;
  appliedAt: string;
}
type CareRecord = RaRecord & { uptimeDays?: UptimeDay[]; incidents?: Incident[]; updates?: Update[] };

/** Uptime over the days given, in percent with two decimals (null without checks). */
export function uptimePercent(days: readonly UptimeDay[]): number | null {
  const checks = days.reduce((n, d) => n + d.checks, 0);
  const ok = days.reduce((n, d) => n + d.okChecks, 0);
  return checks ? Math.round((10_000 * ok) / checks) / 100 : null;
}

const useFormat = () => {
  const [locale] = useLocaleState();
  return (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
};

const Scroll = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>{children}</Box>
);

export const SiteCare = (_: { label?: false }) => {
  const site = useRecordContext<CareRecord>();
  const translate = useTranslate();
  const format = useFormat();
  const [locale] = useLocaleState();
  if (!site) return null;
  const uptime = uptimePercent(site.uptimeDays ?? []);
  const incidents = site.incidents ?? [];
  const updates = site.updates ?? [];
  return (
    <>
      <Section title="sitecare.care.uptime_title">
        <Typography data-testid="uptime">
          {uptime === null
            ? translate('sitecare.care.no_checks')
            : translate('sitecare.care.uptime', {
                percent: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(uptime),
                days: site.uptimeDays?.length ?? 0,
              })}
        </Typography>
      </Section>
      <Section title="sitecare.care.incidents_title">
        {incidents.length ? (
          <Scroll>
            <Table size="small" aria-label={translate('sitecare.care.incidents_title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('sitecare.care.kind')}</TableCell>
                  <TableCell>{translate('sitecare.care.opened')}</TableCell>
                  <TableCell>{translate('sitecare.care.duration')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {incidents.map((incident) => (
                  <TableRow key={incident.id}>
                    <TableCell>{translate(`sitecare.care.kinds.${incident.kind}`)}</TableCell>
                    <TableCell>{format(incident.openedAt)}</TableCell>
                    <TableCell>
                      {incident.closedAt
                        ? translate('sitecare.care.minutes', { smart_count: incident.durationMinutes ?? 0 })
                        : translate('sitecare.care.ongoing')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Scroll>
        ) : (
          <EmptyText text="sitecare.care.no_incidents" />
        )}
      </Section>
      <Section title="sitecare.care.updates_title">
        {updates.length ? (
          <Scroll>
            <Table size="small" aria-label={translate('sitecare.care.updates_title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('sitecare.care.component')}</TableCell>
                  <TableCell>{translate('sitecare.care.version')}</TableCell>
                  <TableCell>{translate('sitecare.care.applied')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {updates.map((update) => (
                  <TableRow key={update.id}>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{update.component}</TableCell>
                    <TableCell>
                      {update.fromVersion ? `${update.fromVersion} → ${update.toVersion}` : update.toVersion}
                    </TableCell>
                    <TableCell>{format(update.appliedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Scroll>
        ) : (
          <EmptyText text="sitecare.care.no_updates" />
        )}
      </Section>
    </>
  );
};
