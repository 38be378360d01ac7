// Issue 22 (M16): a site's care section: uptime over 30 days from the daily roll-ups, incidents with
// their durations (an open one is ongoing), updates applied; Swedish and English.
import { screen, within } from '@testing-library/react';

import { renderInAdmin } from '../../testing/render';
import { SiteCare, uptimePercent } from './SiteCare';

const site = {
  id: 'site-1',
  uptimeDays: [
    { periodStart: '2026-12-04T00:00:00Z', checks: 288, okChecks: 288 },
    { periodStart: '2026-12-05T00:00:00Z', checks: 288, okChecks: 276 },
  ],
  incidents: [
    { id: 'i2', kind: 'DOWN', openedAt: '2026-12-06T10:00:00Z', closedAt: null, durationMinutes: null },
    { id: 'i1', kind: 'DOWN', openedAt: '2026-12-05T10:00:00Z', closedAt: '2026-12-05T10:17:00Z', durationMinutes: 17 },
  ],
  updates: [
    { id: 'u1', component: 'wordpress', fromVersion: '6.6.2', toVersion: '6.7.1', appliedAt: '2026-12-05T03:00:00Z' },
  ],
};

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
