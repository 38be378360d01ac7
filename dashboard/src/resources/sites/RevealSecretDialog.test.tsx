// Revealing a credential: one audited call, the secret masked until asked, copyable, and gone again
// after REVEAL_SECONDS. The secret never reaches react-admin's or Apollo's cache.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeApi } from '../../testing/fakeApi';
import { renderInAdmin } from '../../testing/render';
import { REVEAL_SECONDS } from './RevealSecretDialog';
import { RevealButton } from './SiteCredentials';

const SECRET = 'hunter2-correct-horse';
const credential = { id: 'cred-1', label: 'WordPress admin', username: 'jj-admin' };

const revealing = () =>
  fakeApi(({ query, variables }) =>
    query.includes('siteCredentialReveal') && variables.id === credential.id
      ? { data: { siteCredentialReveal: { secret: SECRET, revealedAt: '2026-11-25T12:00:00Z' } } }
      : { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }], data: null },
  );

const dataProvider = { getList: async () => ({ data: [], total: 0 }) };

afterEach(() => {
  jest.useRealTimers();
});

it('reveals through one call, masked until Show, with the username and the audit notice', async () => {
  const api = revealing();
  renderInAdmin(<RevealButton domain="bageriet.se" />, { record: credential, dataProvider });
  const user = userEvent.setup();
  expect(api.calls).toHaveLength(0);
  await user.click(screen.getByRole('button', { name: 'Reveal' }));

  const dialog = await screen.findByRole('dialog', { name: 'WordPress admin · bageriet.se' });
  expect(api.calls).toHaveLength(1);
  expect(api.calls[0].variables).toEqual({ id: 'cred-1' });
  const secret = within(dialog).getByTestId('revealed-secret');
  expect(secret).not.toHaveTextContent(SECRET);
  expect(secret.textContent).toMatch(/^•+$/);
  expect(dialog).toHaveTextContent('jj-admin');
  expect(dialog).toHaveTextContent('This reveal has been written to the audit log.');

  const show = within(dialog).getByRole('button', { name: 'Show' });
  expect(show).toHaveAttribute('aria-pressed', 'false');
  await user.click(show);
  expect(secret).toHaveTextContent(SECRET);
  expect(within(dialog).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');
});

it('copies the secret to the clipboard and says so', async () => {
  revealing();
  renderInAdmin(<RevealButton domain="bageriet.se" />, { record: credential, dataProvider });
  const user = userEvent.setup(); // installs a clipboard stub on navigator
  await user.click(screen.getByRole('button', { name: 'Reveal' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Copy' }));
  expect(await navigator.clipboard.readText()).toBe(SECRET);
  expect(await screen.findByText('Copied to the clipboard')).toBeInTheDocument();
});

it(`hides and forgets the secret after ${REVEAL_SECONDS} seconds, counting down`, async () => {
  jest.useFakeTimers();
  revealing();
  renderInAdmin(<RevealButton domain="bageriet.se" />, { record: credential, dataProvider });
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  await user.click(screen.getByRole('button', { name: 'Reveal' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Show' }));
  expect(within(dialog).getByRole('timer')).toHaveTextContent(`Hidden again in ${REVEAL_SECONDS} seconds`);

  await act(async () => jest.advanceTimersByTime(10_000));
  expect(within(dialog).getByRole('timer')).toHaveTextContent(`Hidden again in ${REVEAL_SECONDS - 10} seconds`);

  await act(async () => jest.advanceTimersByTime(REVEAL_SECONDS * 1000));
  await waitFor(() => expect(screen.queryByText(SECRET)).not.toBeInTheDocument());
  expect(await screen.findByText('The secret has been hidden again')).toBeInTheDocument();
  expect(document.body).not.toHaveTextContent(SECRET);
});

it('says the credential is gone when the API answers NOT_FOUND, and opens nothing', async () => {
  revealing();
  renderInAdmin(<RevealButton domain="bageriet.se" />, { record: { ...credential, id: 'deleted' }, dataProvider });
  await userEvent.click(screen.getByRole('button', { name: 'Reveal' }));
  expect(await screen.findByText('This credential is not available to you.')).toBeInTheDocument();
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
});

it('M14: S34: without a fresh second step the reveal asks for the code, sends it, then shows the secret', async () => {
  let stepped = false;
  const api = fakeApi(({ query, variables }) => {
    if (query.includes('stepUp')) {
      if (variables.input && (variables.input as { code?: string }).code === '123456') {
        stepped = true;
        return { data: { stepUp: true } };
      }
      return {
        errors: [{ message: 'wrong', extensions: { code: 'BAD_USER_INPUT', field: 'code' } }],
        data: null,
      };
    }
    if (!stepped) return { errors: [{ message: 'Step up', extensions: { code: 'STEP_UP_REQUIRED' } }], data: null };
    return { data: { siteCredentialReveal: { secret: SECRET, revealedAt: '2026-11-25T12:00:00Z' } } };
  });
  renderInAdmin(<RevealButton domain="bageriet.se" />, { record: credential, dataProvider });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Reveal' }));

  const stepUp = await screen.findByRole('dialog', { name: 'Confirm it is you' });
  await user.type(within(stepUp).getByLabelText('Code'), '654321');
  await user.click(within(stepUp).getByRole('button', { name: 'Verify' }));
  expect(await within(stepUp).findByText('The code is wrong or has already been used')).toBeInTheDocument();
  await user.clear(within(stepUp).getByLabelText('Code'));
  await user.type(within(stepUp).getByLabelText('Code'), '123456');
  await user.click(within(stepUp).getByRole('button', { name: 'Verify' }));

  const dialog = await screen.findByRole('dialog', { name: 'WordPress admin · bageriet.se' });
  expect(dialog).toHaveTextContent('jj-admin');
  const calls = api.calls.map((c) => (c.query.includes('stepUp') ? 'stepUp' : 'reveal'));
  expect(calls).toEqual(['reveal', 'stepUp', 'stepUp', 'reveal']);
  expect(api.calls[2].variables).toEqual({ input: { code: '123456' } });
});
