// Several accounts at one fake provider, told apart by key (issue 17): one address to configure as the
// provider's API base, in front of one fake per account (each started with that account's exact key, so
// it keeps its own sessions, payments, orders and webhook secret). A request goes to the account its key
// names: Stripe and Mollie by the bearer key, PayPal by the client id of the token call and then by the
// access token that call issued. An unknown key goes to the first account, whose fake refuses it (401)
// in the provider's own words. An object made in
// one account is unknown to every other: `of(name)` is that account's fake, for its test helpers.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { bearer, closeServer, listen, readBody } from './internal';
import { certificate, startFakeMollie, type FakeMollie } from './mollie';
import { startFakePayPal, type FakePayPal } from './paypal';
import { startFakeStripe, type FakeStripe } from './stripe';

export interface FakeAccounts<F> {
  /** The address to configure as the provider's API base (STRIPE_API_BASE, PAYPAL_API_BASE). */
  baseUrl: string;
  /** The fake of account `name`. */
  of(name: string): F;
  /** Every account's name. */
  names: string[];
  close(): Promise<void>;
}

interface Front {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Forwards each request to the base `targetOf` picks (else to `refuser`, which refuses the unknown key);
 * `seen` sees each answer, e.g. to learn the tokens an account issued.
 */
async function startFront(
  tls: { key: string; cert: string } | undefined,
  refuser: string,
  targetOf: (req: IncomingMessage) => string | undefined,
  seen?: (target: string, req: IncomingMessage, status: number, body: string) => void,
): Promise<Front> {
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const target = targetOf(req) ?? refuser;
    const url = new URL(req.url ?? '/', target);
    const headers = { ...req.headers, host: url.host };
    const client = url.protocol === 'https:' ? https : http;
    const forwarded = client.request(
      url,
      { method: req.method, headers, ...(url.protocol === 'https:' ? { rejectUnauthorized: false } : {}) },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          seen?.(target, req, answer.statusCode ?? 500, text);
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          res.end(text);
        });
      },
    );
    forwarded.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `fake accounts front: ${String(err)}` }));
    });
    forwarded.end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => void serve(req, res);
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  const port = await listen(server);
  return { baseUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, close: () => closeServer(server) };
}

async function accountsOf<A, F extends { baseUrl: string; close(): Promise<void> }>(
  accounts: Record<string, A>,
  start: (account: A) => Promise<F>,
): Promise<Map<string, { account: A; fake: F }>> {
  const started = new Map<string, { account: A; fake: F }>();
  for (const [name, account] of Object.entries(accounts)) started.set(name, { account, fake: await start(account) });
  return started;
}

function facade<A, F extends { close(): Promise<void> }>(
  front: Front,
  started: Map<string, { account: A; fake: F }>,
): FakeAccounts<F> {
  return {
    baseUrl: front.baseUrl,
    names: [...started.keys()],
    of(name) {
      const found = started.get(name);
      if (!found) throw new Error(`fake accounts: no account ${name}`);
      return found.fake;
    },
    async close() {
      await front.close();
      for (const { fake } of started.values()) await fake.close();
    },
  };
}

export interface StripeAccountKeys {
  secretKey: string;
  webhookSecret: string;
}

/** Fake Stripe accounts by name, each accepting only its own secret key and signing with its own secret. */
export async function startFakeStripeAccounts(
  accounts: Record<string, StripeAccountKeys>,
): Promise<FakeAccounts<FakeStripe>> {
  const started = await accountsOf(accounts, (a) =>
    startFakeStripe({ apiKey: a.secretKey, webhookSecret: a.webhookSecret }),
  );
  const byKey = new Map([...started.values()].map(({ account, fake }) => [account.secretKey, fake.baseUrl]));
  const front = await startFront(undefined, [...byKey.values()][0], (req) => byKey.get(bearer(req.headers) ?? ''));
  return facade(front, started);
}

/** Fake Mollie accounts by name, each accepting only its own API key. `apiEndpoint` is MOLLIE_API_BASE. */
export async function startFakeMollieAccounts(
  accounts: Record<string, { apiKey: string }>,
): Promise<FakeAccounts<FakeMollie> & { apiEndpoint: string }> {
  const started = await accountsOf(accounts, (a) => startFakeMollie({ apiKey: a.apiKey }));
  const byKey = new Map([...started.values()].map(({ account, fake }) => [account.apiKey, fake.baseUrl]));
  const front = await startFront(await certificate(), [...byKey.values()][0], (req) =>
    byKey.get(bearer(req.headers) ?? ''),
  );
  return { ...facade(front, started), apiEndpoint: `${front.baseUrl}/v2/` };
}

export interface PayPalAccountKeys {
  clientId: string;
  clientSecret: string;
  webhookId: string;
}

/** Fake PayPal accounts by name: each issues tokens for its own client only and verifies its own deliveries. */
export async function startFakePayPalAccounts(
  accounts: Record<string, PayPalAccountKeys>,
): Promise<FakeAccounts<FakePayPal>> {
  const started = await accountsOf(accounts, (a) => startFakePayPal(a));
  const byClient = new Map([...started.values()].map(({ account, fake }) => [account.clientId, fake.baseUrl]));
  const byToken = new Map<string, string>();
  const front = await startFront(
    undefined,
    [...byClient.values()][0],
    (req) => {
      const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (basic) return byClient.get(Buffer.from(basic, 'base64').toString('utf8').split(':')[0]);
      return byToken.get(bearer(req.headers) ?? '');
    },
    (target, req, status, body) => {
      if (status !== 200 || !req.url?.startsWith('/v1/oauth2/token')) return;
      const token = (JSON.parse(body) as { access_token?: string }).access_token;
      if (token) byToken.set(token, target);
    },
  );
  return facade(front, started);
}
