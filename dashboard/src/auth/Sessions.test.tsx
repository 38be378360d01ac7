// Issue 20: "Sessions" on My profile, in Swedish and English: this session first and marked, the
// browser, device and truncated address of each; ending another calls sessionEnd with its id.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeApi } from '../testing/fakeApi';
import { renderInAdmin } from '../testing/render';
import { MySessions, type SessionRow } from './Sessions';

const sessions: SessionRow[] = [
  {
    id: 'other',
    browser: 'Mobile Safari 17.5',
    os: 'iOS 17.5',
    device: 'Apple iPhone (mobile)',
    place: '198.51.100.0',
    startedAt: '2026-12-06T08:00:00Z',
    lastSeenAt: '2026-12-06T09:30:00Z',
    current: false,
  },
  {
    id: 'this',
    browser: 'Chrome 131.0.0.0',
    os: 'Windows 10',
    device: null,
    place: '127.0.0.0',
    startedAt: '2026-12-06T10:00:00Z',
    lastSeenAt: '2026-12-06T10:05:00Z',
    current: true,
  },
];

function api() {
  let ended = false;
  return fakeApi(({ query }) => {
    if (query.includes('sessionEnd')) {
      ended = true;
      return { data: { sessionEnd: true } };
    }
    return { data: { mySessions: ended ? sessions.filter((s) => s.current) : sessions } };
  });
}

it('M14: the session list in Swedish: this session first and marked; ending another calls sessionEnd with its id', async () => {
  const calls = api();
  renderInAdmin(<MySessions />, { locale: 'sv' });
  const items = await screen.findAllByTestId('session');
  expect(items).toHaveLength(2);
  expect(items[0]).toHaveTextContent('Chrome 131.0.0.0, Windows 10');
  expect(within(items[0]).getByText('Den här sessionen')).toBeInTheDocument();
  expect(items[1]).toHaveTextContent('Mobile Safari 17.5, iOS 17.5 · Apple iPhone (mobile)');
  expect(items[1]).toHaveTextContent('Ungefärlig adress 198.51.100.0');
  expect(items[1]).toHaveTextContent(/Startad .*senast aktiv/);

  await userEvent
    .setup()
    .click(screen.getByRole('button', { name: 'Avsluta sessionen i Mobile Safari 17.5, iOS 17.5' }));
  await waitFor(() => expect(calls.calls.some((c) => c.query.includes('sessionEnd'))).toBe(true));
  expect(calls.calls.find((c) => c.query.includes('sessionEnd'))!.variables).toEqual({ id: 'other' });
  expect(await screen.findByText('Sessionen har avslutats')).toBeInTheDocument();
  await waitFor(() => expect(screen.getAllByTestId('session')).toHaveLength(1));
  expect(screen.getByText('Inga andra sessioner.')).toBeInTheDocument();
});

it('M14: the session list in English', async () => {
  api();
  renderInAdmin(<MySessions />, { locale: 'en' });
  const items = await screen.findAllByTestId('session');
  expect(within(items[0]).getByText('This session')).toBeInTheDocument();
  expect(items[1]).toHaveTextContent('Approximate address 198.51.100.0');
  expect(screen.getByRole('button', { name: 'End the session in Chrome 131.0.0.0, Windows 10' })).toBeInTheDocument();
});
