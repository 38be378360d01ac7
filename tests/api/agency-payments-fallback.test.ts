// Issue 17: the installation-wide payment keys are only the fallback of a single-agency installation.
// With one agency they serve it (checkout offers the provider; the webhook URL without a slug works);
// as soon as a second agency exists they serve nobody, and the old URL answers 404.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../../server/src/testing/database';
import { ApiClient } from '../support/api-client';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';
import { REPO_ROOT, startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';

const WEBHOOK_SECRET = 'whsec_single_agency_installation';
let db: TestDatabase;
let stripe: FakeStripe;
let app: SitecareProcess;

const cli = (...args: string[]) =>
  promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'server', 'dist', 'cli.js'), ...args], {
    env: { PATH: process.env.PATH, ...db.env, LOG_LEVEL: 'silent' },
  });

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, apiKey: 'sk_test_installation_wide' });
  db = await createTestDatabase();
  app = await startSitecareProcess({
    ...db.env,
    SITECARE_DEMO: 'false',
    STRIPE_SECRET_KEY: 'sk_test_installation_wide',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.baseUrl,
  });
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await db?.drop();
  await stripe?.close();
});

const offered = async (agency: string) =>
  (await new ApiClient(app.url).ok('query($a: String!) { paymentProvidersOffered(agency: $a) }', { a: agency }))
    .paymentProvidersOffered;

/** A correctly signed event about no payment of ours, to the URL without an agency. */
async function deliverToOldUrl() {
  const created = await fetch(`${stripe.baseUrl}/v1/checkout/sessions`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer sk_test_installation_wide',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      mode: 'payment',
      'line_items[0][price_data][currency]': 'sek',
      'line_items[0][price_data][unit_amount]': '10000',
      'line_items[0][price_data][product_data][name]': 'Not ours',
      'line_items[0][quantity]': '1',
      success_url: 'https://example.com/ok',
    }),
  });
  const { id } = (await created.json()) as { id: string };
  const { body, headers } = stripe.signedDelivery(stripe.completeSession(id));
  return fetch(`${app.url}/webhooks/stripe`, { method: 'POST', headers, body });
}

describe('M11: the single-agency fallback', () => {
  it('M11: with one agency the installation-wide keys serve it, on the URL without a slug too; with two, nobody', async () => {
    await cli('tenant:create', '--name', 'Ensam Byrå', '--slug', 'ensam', '--admin-email', 'chef@ensam.example.com');
    expect(await offered('ensam')).toEqual(['STRIPE']);
    const single = await deliverToOldUrl();
    expect(single.status).toBe(200);
    expect(await single.json()).toEqual({ received: true, outcome: 'unmatched' });
    expect((await fetch(`${app.url}/webhooks/mollie`, { method: 'POST', body: 'id=tr_abcdef' })).status).toBe(404);

    await cli('tenant:create', '--name', 'Andra Byrån', '--slug', 'andra', '--admin-email', 'chef@andra.example.com');
    expect(await offered('ensam')).toEqual([]);
    expect(await offered('andra')).toEqual([]);
    expect((await deliverToOldUrl()).status).toBe(404);
    expect((await fetch(`${app.url}/webhooks/stripe/ensam`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
