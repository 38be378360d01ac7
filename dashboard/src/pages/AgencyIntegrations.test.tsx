// Issue 21 (M15): the integrations on Agency settings, in Swedish and English: a new API key shown
// once and revoked by id; a webhook endpoint added with its events, its secret shown once, its
// delivery log replayed; the website's origins saved, and a contact form snippet for that agency.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeApi } from '../testing/fakeApi';
import { renderInAdmin } from '../testing/render';
import AgencyIntegrations from './AgencyIntegrations';

const KEY = 'sc_live_11111111-1111-4111-8111-111111111111.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

function api() {
  return fakeApi(({ query }) => {
    if (query.includes('apiKeyCreate')) return { data: { apiKeyCreate: { key: KEY } } };
    if (query.includes('apiKeyRevoke')) return { data: { apiKeyRevoke: { id: 'k1' } } };
    if (query.includes('apiKeys'))
      return {
        data: {
          apiKeys: [
            {
              id: 'k1',
              name: 'Zapier',
              role: 'EMPLOYEE',
              hint: 'NOPQ',
              expiresAt: null,
              lastUsedAt: null,
              revokedAt: null,
            },
          ],
        },
      };
    if (query.includes('webhookEndpointCreate'))
      return { data: { webhookEndpointCreate: { secret: 'whsec_c2VjcmV0', endpoint: { id: 'e1' } } } };
    if (query.includes('webhookDeliveryReplay')) return { data: { webhookDeliveryReplay: { id: 'd1' } } };
    if (query.includes('webhookDeliveries'))
      return {
        data: {
          webhookDeliveries: [
            {
              id: 'd1',
              eventType: 'customer.created',
              status: 'FAILED',
              attempts: 13,
              lastStatusCode: 500,
              lastAttemptAt: '2026-12-06T10:00:00Z',
              createdAt: '2026-12-05T10:00:00Z',
            },
          ],
        },
      };
    if (query.includes('webhookEndpoints'))
      return {
        data: {
          webhookEndpoints: [
            {
              id: 'e1',
              url: 'https://hooks.example.com/sitecare',
              events: ['customer.created'],
              enabled: true,
              status: 'FAILING',
            },
          ],
        },
      };
    if (query.includes('tenantAllowedOriginsSet'))
      return { data: { tenantAllowedOriginsSet: { allowedOrigins: ['https://www.jj-media.example.com'] } } };
    if (query.includes('allowedOrigins')) return { data: { tenant: { slug: 'jj-media', allowedOrigins: [] } } };
    return { errors: [{ message: `unexpected ${query}` }] };
  });
}

it('M15: API keys in Swedish: a new key is shown once; revoking calls apiKeyRevoke with its id', async () => {
  const calls = api();
  const user = userEvent.setup();
  renderInAdmin(<AgencyIntegrations />, { locale: 'sv' });
  const section = await screen.findByRole('region', { name: 'API-nycklar' });
  expect(await within(section).findByText('Zapier · sc_live_…NOPQ')).toBeInTheDocument();
  await user.type(within(section).getByLabelText('Namn'), 'Bokföring');
  await user.click(within(section).getByRole('button', { name: 'Skapa en nyckel' }));
  expect(await within(section).findByDisplayValue(KEY)).toHaveAttribute('readonly');
  expect(within(section).getByText('Kopiera den nu: den visas bara den här gången.')).toBeInTheDocument();
  expect(calls.calls.find((c) => c.query.includes('apiKeyCreate'))!.variables).toEqual({
    input: { name: 'Bokföring', role: 'EMPLOYEE', expiresAt: null },
  });
  // A read-only key: the role is chosen in the same form.
  await user.type(within(section).getByLabelText('Namn'), 'Rapporter');
  await user.selectOptions(within(section).getByLabelText('Roll'), 'Bara läsa');
  expect(within(section).getByText('Läser det en anställd får; varje ändring nekas.')).toBeInTheDocument();
  await user.click(within(section).getByRole('button', { name: 'Skapa en nyckel' }));
  await waitFor(() => expect(calls.calls.filter((c) => c.query.includes('apiKeyCreate'))).toHaveLength(2));
  expect(calls.calls.filter((c) => c.query.includes('apiKeyCreate'))[1]!.variables).toEqual({
    input: { name: 'Rapporter', role: 'READONLY', expiresAt: null },
  });
  await user.click(within(section).getByRole('button', { name: 'Återkalla: Zapier' }));
  await waitFor(() => expect(calls.calls.some((c) => c.query.includes('apiKeyRevoke'))).toBe(true));
  expect(calls.calls.find((c) => c.query.includes('apiKeyRevoke'))!.variables).toEqual({ id: 'k1' });
});

it('M15: webhooks in English: add an endpoint with its events, its secret shown once; the log replays a delivery', async () => {
  const calls = api();
  const user = userEvent.setup();
  renderInAdmin(<AgencyIntegrations />, { locale: 'en' });
  const section = await screen.findByRole('region', { name: 'Webhooks' });
  expect(await within(section).findByText('https://hooks.example.com/sitecare')).toBeInTheDocument();
  expect(within(section).getByText(/Failing/)).toBeInTheDocument();
  await user.type(within(section).getByLabelText('Address (https://…)'), 'https://erp.example.com/in');
  await user.click(within(section).getByLabelText('order.paid'));
  await user.click(within(section).getByLabelText('ticket.created'));
  await user.click(within(section).getByRole('button', { name: 'Add the endpoint' }));
  expect(await within(section).findByDisplayValue('whsec_c2VjcmV0')).toHaveAttribute('readonly');
  expect(calls.calls.find((c) => c.query.includes('webhookEndpointCreate'))!.variables).toEqual({
    input: { url: 'https://erp.example.com/in', events: ['order.paid', 'ticket.created'] },
  });
  await user.click(within(section).getByRole('button', { name: 'Delivery log: https://hooks.example.com/sitecare' }));
  const log = await within(section).findByRole('list', { name: 'Delivery log' });
  expect(log).toHaveTextContent('customer.created: FAILED, 13 attempt(s), answer 500');
  await user.click(within(log).getByRole('button', { name: 'Send again' }));
  await waitFor(() => expect(calls.calls.some((c) => c.query.includes('webhookDeliveryReplay'))).toBe(true));
  expect(calls.calls.find((c) => c.query.includes('webhookDeliveryReplay'))!.variables).toEqual({ id: 'd1' });
});

it("M15: the website's origins are saved, and the contact form snippet posts to this agency's website endpoint", async () => {
  const calls = api();
  const user = userEvent.setup();
  renderInAdmin(<AgencyIntegrations />, { locale: 'en' });
  const section = await screen.findByRole('region', { name: 'Your website' });
  await user.type(
    within(section).getByLabelText('Origins, one per line (e.g. https://www.example.com)'),
    'https://www.jj-media.example.com',
  );
  await user.click(within(section).getByRole('button', { name: 'Save the origins' }));
  await waitFor(() => expect(calls.calls.some((c) => c.query.includes('tenantAllowedOriginsSet'))).toBe(true));
  expect(calls.calls.find((c) => c.query.includes('tenantAllowedOriginsSet'))!.variables).toEqual({
    o: ['https://www.jj-media.example.com'],
  });
  const snippet = within(section).getByLabelText('Contact form for your website') as HTMLTextAreaElement;
  expect(snippet.value).toContain('/public/jj-media/graphql');
  expect(snippet.value).toContain('agency: "jj-media"');
});
