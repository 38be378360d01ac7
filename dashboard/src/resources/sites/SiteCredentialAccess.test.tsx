// Issue 20: a site's "who looked" list, in Swedish and English: who revealed which credential and
// when, the refused reveals, and a removed credential or login named without them.
import { screen } from '@testing-library/react';

import { fakeApi } from '../../testing/fakeApi';
import { renderInAdmin } from '../../testing/render';
import { type AccessRow, SiteCredentialAccess } from './SiteCredentialAccess';

const rows: AccessRow[] = [
  {
    at: '2026-12-06T10:05:00Z',
    credentialLabel: 'WordPress admin',
    actorName: 'Erik Lindqvist',
    actorRole: 'EMPLOYEE',
    outcome: 'DENIED',
    reason: 'STEP_UP_REQUIRED',
  },
  {
    at: '2026-12-06T10:00:00Z',
    credentialLabel: 'WordPress admin',
    actorName: 'Erik Lindqvist',
    actorRole: 'EMPLOYEE',
    outcome: 'ALLOWED',
    reason: null,
  },
  {
    at: '2026-12-01T08:00:00Z',
    credentialLabel: null,
    actorName: null,
    actorRole: null,
    outcome: 'ALLOWED',
    reason: null,
  },
];

it('M14: the site’s reveals in Swedish, newest first, with the refused one', async () => {
  const api = fakeApi(() => ({ data: { site: { id: 's1', credentialAccess: rows } } }));
  renderInAdmin(<SiteCredentialAccess />, { locale: 'sv', record: { id: 's1' } });
  const items = await screen.findAllByTestId('credential-access');
  expect(items.map((i) => i.querySelector('.MuiListItemText-primary')?.textContent)).toEqual([
    'Erik Lindqvist, Anställd nekades ”WordPress admin”',
    'Erik Lindqvist, Anställd visade ”WordPress admin”',
    'Någon visade ”en borttagen inloggningsuppgift”',
  ]);
  expect(api.calls[0].variables).toEqual({ id: 's1' });
  expect(screen.getByRole('heading', { name: 'Vem som har visat inloggningsuppgifterna' })).toBeInTheDocument();
});

it('M14: no reveals, in English', async () => {
  fakeApi(() => ({ data: { site: { id: 's1', credentialAccess: [] } } }));
  renderInAdmin(<SiteCredentialAccess />, { locale: 'en', record: { id: 's1' } });
  expect(await screen.findByText('No one has revealed this site’s access data.')).toBeInTheDocument();
});
