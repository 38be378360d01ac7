// Issue 22: a site's care: uptime over the last 30 days (from the daily roll-ups of its checks) with
// a response-time chart (recharts, loaded only here) and the same figures as a table, incidents
// with their durations, the updates its agent reported, its latest backups, its open tickets and the
// customer's support hours (the ticket-time module's read). Narrow screens get the same tables,
// scrolling sideways inside their box.
import { Box, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { type RaRecord, useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { useViewerRole } from '../../providers/useViewerRole';
import { SupportHoursTable, useSupportHours } from '../customers/SupportHours';
import { formatBytes } from '../formatBytes';
import { EmptyText, Section } from '../Section';

const ResponseTimeChart = lazy(() => import('./ResponseTimeChart'));

interface UptimeDay {
  periodStart: string;
  checks: number;
  okChecks: number;
  p50Ms?: number | null;
  p95Ms?: number | null;
}
interface Backup {
  id: string;
  takenAt: string;
  sizeBytes: number;
  kind?: string | null;
}
interface Ticket {
  id: string;
  subject: string;
  status: string;
  createdAt: string;
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
type CareRecord = RaRecord & {
  customerId?: string;
  uptimeDays?: UptimeDay[];
  incidents?: Incident[];
  updates?: Update[];
  backups?: Backup[];
  openTickets?: Ticket[];
};

/** Latest backups shown on the care tab (the Backups tab lists them all). */
const LATEST_BACKUPS = 5;

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

// `width: 0` with `min-width: 100%`: the box takes its container's width but adds nothing to the page's
// own (intrinsic) width, so a wide table scrolls inside it instead of widening the page on a phone.
const Scroll = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>{children}</Box>
);

const dayOf = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso));

/** The chart (lazy) and, for screen readers and anyone who wants the numbers, the same figures as a table. */
const ResponseTimes = ({ days }: { days: UptimeDay[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const ms = (value?: number | null) => (value == null ? '–' : `${value} ms`);
  const points = days.map((d) => ({ day: dayOf(d.periodStart, locale), p50: d.p50Ms ?? null, p95: d.p95Ms ?? null }));
  const p50s = days.map((d) => d.p50Ms).filter((v): v is number => v != null);
  const median = p50s.length ? [...p50s].sort((a, b) => a - b)[Math.floor(p50s.length / 2)] : null;
  return (
    <>
      <Suspense fallback={<Skeleton variant="rectangular" height={240} />}>
        <ResponseTimeChart
          points={points}
          label={translate('sitecare.care.chart_label', { days: days.length, median: ms(median) })}
          p50Label={translate('sitecare.care.p50')}
          p95Label={translate('sitecare.care.p95')}
        />
      </Suspense>
      <Box component="details" sx={{ mt: 1, '& > summary': { cursor: 'pointer', py: 1 } }}>
        <Typography component="summary" variant="body2">
          {translate('sitecare.care.figures')}
        </Typography>
        <Scroll>
          <Table size="small" aria-label={translate('sitecare.care.figures')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('sitecare.care.day')}</TableCell>
                <TableCell align="right">{translate('sitecare.care.uptime_column')}</TableCell>
                <TableCell align="right">{translate('sitecare.care.p50')}</TableCell>
                <TableCell align="right">{translate('sitecare.care.p95')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {days.map((d) => (
                <TableRow key={d.periodStart}>
                  <TableCell>{dayOf(d.periodStart, locale)}</TableCell>
                  <TableCell align="right">
                    {new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(uptimePercent([d]) ?? 0)} %
                  </TableCell>
                  <TableCell align="right">{ms(d.p50Ms)}</TableCell>
                  <TableCell align="right">{ms(d.p95Ms)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Scroll>
      </Box>
    </>
  );
};

/** The customer's support hours: a customer login reads its own, staff the site's customer's. */
const CareSupportHours = ({ customerId }: { customerId?: string }) => {
  const role = useViewerRole();
  const months = useSupportHours(role === 'CUSTOMER' ? 'own' : customerId);
  return (
    <Section title="sitecare.care.hours_title">
      {months?.length ? (
        <Scroll>
          <SupportHoursTable months={months.slice(-3)} />
        </Scroll>
      ) : (
        <EmptyText text="sitecare.care.no_hours" />
      )}
    </Section>
  );
};

export const SiteCare = (_: { label?: false }) => {
  const site = useRecordContext<CareRecord>();
  const translate = useTranslate();
  const format = useFormat();
  const [locale] = useLocaleState();
  if (!site) return null;
  const uptime = uptimePercent(site.uptimeDays ?? []);
  const incidents = site.incidents ?? [];
  const updates = site.updates ?? [];
  const backups = (site.backups ?? []).slice(0, LATEST_BACKUPS);
  const tickets = site.openTickets ?? [];
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
        {uptime === null ? null : <ResponseTimes days={site.uptimeDays ?? []} />}
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
      <Section title="sitecare.care.backups_title">
        {backups.length ? (
          <Scroll>
            <Table size="small" aria-label={translate('sitecare.care.backups_title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.siteBackups.fields.takenAt')}</TableCell>
                  <TableCell>{translate('sitecare.care.backup_kind')}</TableCell>
                  <TableCell align="right">{translate('resources.siteBackups.fields.sizeBytes')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {backups.map((backup) => (
                  <TableRow key={backup.id}>
                    <TableCell>{format(backup.takenAt)}</TableCell>
                    <TableCell>{backup.kind ? translate(`sitecare.care.backup_kinds.${backup.kind}`) : '–'}</TableCell>
                    <TableCell align="right">{formatBytes(backup.sizeBytes, locale)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Scroll>
        ) : (
          <EmptyText text="sitecare.backups.empty" />
        )}
      </Section>
      <Section title="sitecare.care.tickets_title">
        {tickets.length ? (
          <Scroll>
            <Table size="small" aria-label={translate('sitecare.care.tickets_title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('sitecare.care.subject')}</TableCell>
                  <TableCell>{translate('sitecare.care.status')}</TableCell>
                  <TableCell>{translate('sitecare.care.opened')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {tickets.map((ticket) => (
                  <TableRow key={ticket.id}>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{ticket.subject}</TableCell>
                    <TableCell>{translate(`sitecare.ticket_status.${ticket.status}`)}</TableCell>
                    <TableCell>{format(ticket.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Scroll>
        ) : (
          <EmptyText text="sitecare.care.no_tickets" />
        )}
      </Section>
      <CareSupportHours customerId={site.customerId} />
    </>
  );
};
