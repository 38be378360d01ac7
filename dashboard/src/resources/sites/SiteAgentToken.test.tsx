// Issue 22 (M16): staff make a site agent's token; it is shown once with the curl call filled in
// (this Sitecare, the site's id, the token), a new one after a confirmation; Swedish and English.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeApi } from '../../testing/fakeApi';
import { renderInAdmin } from '../../testing/render';
import { SiteAgentToken, agentCurlExample } from './SiteAgentToken';

const SITE = '3f0c2a52-8d1e-4c55-9a53-2b8f2f7d9e10';
const TOKEN = 'sca_demo-token-shown-once';

it('M16: the curl example carries the address, the site and the token', () => {
  const text = agentCurlExample('https://care.example.com', SITE, TOKEN);
  expect(text).toContain(`"https://care.example.com/agent/v1/sites/${SITE}/backups"`);
  expect(text).toContain(`Authorization: Bearer ${TOKEN}`);
});

it('M16: a site without a token gets one, shown once with its filled-in example, in English', async () => {
  const api = fakeApi(() => ({ data: { siteAgentTokenRotate: TOKEN } }));
  renderInAdmin(<SiteAgentToken />, { record: { id: SITE, domain: 'bageriet.se', agentTokenCreatedAt: null } });
  expect(screen.getByTestId('agent-token-state')).toHaveTextContent('No agent token yet');
  await userEvent.click(screen.getByRole('button', { name: 'Make a token' }));
  const dialog = await screen.findByRole('dialog', { name: 'Agent token for bageriet.se' });
  expect(within(dialog).getByTestId('agent-token')).toHaveTextContent(TOKEN);
  expect(within(dialog).getByTestId('agent-curl')).toHaveTextContent(
    `${window.location.origin}/agent/v1/sites/${SITE}/backups`,
  );
  expect(within(dialog).getByTestId('agent-curl')).toHaveTextContent(`Bearer ${TOKEN}`);
  expect(api.calls).toHaveLength(1);
  expect(api.calls[0].variables).toEqual({ siteId: SITE });
  await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
  expect(screen.queryByText(TOKEN)).not.toBeInTheDocument();
});

it('M16: a new token replaces one only after a confirmation, in Swedish', async () => {
  const api = fakeApi(() => ({ data: { siteAgentTokenRotate: TOKEN } }));
  renderInAdmin(<SiteAgentToken />, {
    locale: 'sv',
    record: { id: SITE, domain: 'bageriet.se', agentTokenCreatedAt: '2026-12-01T10:00:00Z' },
  });
  expect(screen.getByTestId('agent-token-state')).toHaveTextContent('Den nuvarande nyckeln skapades');
  await userEvent.click(screen.getByRole('button', { name: 'Skapa ny nyckel' }));
  const confirm = await screen.findByRole('dialog', { name: 'Skapa en ny agentnyckel?' });
  expect(api.calls).toHaveLength(0);
  await userEvent.click(within(confirm).getByRole('button', { name: /bekräfta/i }));
  const dialog = await screen.findByRole('dialog', { name: 'Agentnyckel för bageriet.se' });
  expect(within(dialog).getByTestId('agent-token')).toHaveTextContent(TOKEN);
  expect(api.calls).toHaveLength(1);
});
