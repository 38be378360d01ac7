// Issue 22 (M16): a site's care section: uptime over 30 days from the daily roll-ups, incidents with
// their durations (an open one is ongoing), updates applied; Swedish and English.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeApi } from '../../testing/fakeApi';
import { renderInAdmin } from '../../testing/render';
import { SiteCare, uptimePercent } from './SiteCare';

const site = {
  id: 'site-1',
  uptimeDays: [
    { periodStart: '2026-12-04T00:00:00Z', checks: 288, okChecks: 288, p50Ms: 180, p95Ms: 420 },
    { periodStart: '2026-12-05T00:00:00Z', checks: 288, okChecks: 276, p50Ms: 210, p95Ms: 530 },
  ],
  incidents: [
    { id: 'i2', kind: 'DOWN', openedAt: '2026-12-06T10:00:00Z', closedAt: null, durationMinutes: null },
    { id: 'i1', kind: 'DOWN', openedAt: '2026-12-05T10:00:00Z', closedAt: '2026-12-05T10:17:00Z', durationMinutes: 17 },
  ],
  updates: [
    { id: 'u1', component: 'wordpress', fromVersion: '6.6.2', toVersion: '6.7.1', appliedAt: '2026-12-05T03:00:00Z' },
  ],
  customerId: 'c1',
  backups: [{ id: 'b1', takenAt: '2026-12-06T03:00:00Z', sizeBytes: 180_000_000, kind: 'FULL' }],
  openTickets: [{ id: 't1', subject: 'Kassan visar fel pris', status: 'OPEN', createdAt: '2026-12-04T09:00:00Z' }],
};

beforeEach(() => {
  fakeApi(() => ({
    data: { customer: { supportHours: [{ month: '2026-12', minutesUsed: 90, hoursIncluded: 2 }] } },
  }));
});

it('M16: uptime in percent over the days that have checks', () => {
  expect(uptimePercent(site.uptimeDays)).toBe(97.92);
  expect(uptimePercent([])).toBeNull();
});

it('M16: the care section shows uptime, incidents with durations and updates, in English', () => {
  renderInAdmin(<SiteCare />, { record: site });
  expect(screen.getByTestId('uptime')).toHaveTextContent('97.92 % over 2 days');
  const incidents = screen.getByRole('table', { name: 'Incidents' });
  const rows = within(incidents).getAllByRole('row');
  expect(rows).toHaveLength(3);
  expect(rows[1]).toHaveTextContent('Ongoing');
  expect(rows[2]).toHaveTextContent('17 minutes');
  expect(screen.getByRole('table', { name: 'Updates applied' })).toHaveTextContent('6.6.2 → 6.7.1');
});

it('M16: in Swedish, and a site without checks or reports says so', () => {
  renderInAdmin(<SiteCare />, { locale: 'sv', record: { id: 'site-2' } });
  expect(screen.getByTestId('uptime')).toHaveTextContent('Inga kontroller ännu.');
  expect(screen.getByText('Inga avbrott.')).toBeInTheDocument();
  expect(screen.getByText('Inga uppdateringar rapporterade ännu.')).toBeInTheDocument();
});

it('M16: the response times as a chart (its name says what it shows) and as a table of the same figures', async () => {
  renderInAdmin(<SiteCare />, { record: site });
  const chart = await screen.findByRole('img', { name: /Response time per day over 2 days; median 210 ms/ });
  expect(chart).toBeInTheDocument();
  await userEvent.click(screen.getByText('Show the figures as a table'));
  const figures = await screen.findByRole('table', { name: 'Show the figures as a table' });
  const rows = within(figures).getAllByRole('row');
  expect(rows).toHaveLength(3);
  expect(rows[2]).toHaveTextContent('95.83 %');
  expect(rows[2]).toHaveTextContent('210 ms');
  expect(rows[2]).toHaveTextContent('530 ms');
});

it('M16: the latest backups, the open tickets and the support hours of the site, in Swedish', async () => {
  renderInAdmin(<SiteCare />, { locale: 'sv', record: site });
  expect(screen.getByRole('table', { name: 'Senaste säkerhetskopiorna' })).toHaveTextContent('Fullständig');
  expect(screen.getByRole('table', { name: 'Öppna ärenden' })).toHaveTextContent('Kassan visar fel pris');
  expect(await screen.findByTestId('support-hours-summary')).toHaveTextContent('1 h 30 min');
});
