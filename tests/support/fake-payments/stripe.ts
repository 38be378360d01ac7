// Fake Stripe API on loopback (plain HTTP) for the official `stripe` SDK, pointed at it with
// `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 })`.
// Implements Checkout Sessions create/retrieve (form-encoded, Bearer sk_test_… auth, Stripe's error shape,
// idempotency keys) plus helpers that move a session on and sign the resulting events as Stripe does.
import http from 'node:http';
import Stripe from 'stripe';
import { HttpError, closeServer, handler, listen, postRaw, randomToken, sendHtml, sendJson } from './internal';
import type { RecordedRequest } from './internal';

export interface FakeStripeOptions {
  /** The endpoint secret (`whsec_…`) the receiver passes to `stripe.webhooks.constructEvent`. */
  webhookSecret: string;
  /** When set, only this exact key is accepted; otherwise any `sk_test_…` key. */
  apiKey?: string;
}

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: string | null;
  customer_details: { email: string | null; name: string | null } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Record<string, string>;
  mode: 'payment';
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  success_url: string | null;
  url: string | null;
}

export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: true;
  created: number;
  currency: string;
  livemode: false;
  metadata: Record<string, string>;
  paid: true;
  payment_intent: string;
  payment_method_details: { type: string };
  refunded: boolean;
  status: 'succeeded';
}

export interface FakeStripeEvent<T = unknown> {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: T; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface SignedDelivery {
  /** The exact bytes to POST (pretty-printed JSON, as Stripe sends). */
  body: string;
  headers: { 'stripe-signature': string; 'content-type': string; 'user-agent': string };
}

export interface DeliveryOptions {
  /** Unix seconds put into the signature (default: now). */
  timestamp?: number;
  /** Sign with another secret (default: the configured webhookSecret). */
  secret?: string;
}

export interface FakeStripe {
  baseUrl: string;
  host: '127.0.0.1';
  port: number;
  /** Every API request received, in order. */
  requests: RecordedRequest[];
  /** Every event made by the helpers, in order. */
  events: FakeStripeEvent[];
  getSession(id: string): FakeCheckoutSession | undefined;
  /** Buyer paid: session complete/paid with a payment_intent; returns `checkout.session.completed`. */
  completeSession(id: string, opts?: { paymentMethod?: 'card' }): FakeStripeEvent<FakeCheckoutSession>;
  /** Payment failed: `checkout.session.async_payment_failed` (default) or `checkout.session.expired`. */
  failSession(id: string, opts?: { as?: 'async_payment_failed' | 'expired' }): FakeStripeEvent<FakeCheckoutSession>;
  /** Refunds a paid session's charge (all of what is left by default); returns `charge.refunded`. */
  refund(id: string, opts?: { amount?: number }): FakeStripeEvent<FakeCharge>;
  signedDelivery(event: FakeStripeEvent, opts?: DeliveryOptions): SignedDelivery;
  /** POSTs a signed delivery to `url`; resolves the receiver's status code. */
  deliver(url: string, event: FakeStripeEvent, opts?: DeliveryOptions): Promise<number>;
  close(): Promise<void>;
}

const CREATE_PARAMS = new Set([
  'mode',
  'line_items',
  'customer_email',
  'success_url',
  'cancel_url',
  'metadata',
  'payment_method_types',
  'client_reference_id',
  'customer',
  'locale',
  'expires_at',
  'payment_intent_data',
  'allow_promotion_codes',
  'billing_address_collection',
  'submit_type',
  'expand',
]);
const LINE_ITEM_PARAMS = new Set(['price_data', 'quantity', 'price']);
const PRICE_DATA_PARAMS = new Set(['currency', 'unit_amount', 'unit_amount_decimal', 'product_data', 'tax_behavior']);
const PAYMENT_METHOD_TYPES = ['card', 'ideal', 'bancontact', 'sepa_debit', 'sofort', 'eps', 'giropay', 'p24', 'paypal'];
const MINIMUM_AMOUNT: Record<string, number> = { eur: 50, usd: 50, chf: 50, gbp: 30 };
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Dict = Record<string, unknown>;

/** Parses Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays (qs style). */
export function parseStripeForm(raw: string): Dict {
  const root: Dict = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const head = /^[^[\]]+/.exec(key)?.[0];
    const rest = key.slice(head?.length ?? 0);
    const segments =
      head && /^(\[[^[\]]*\])*$/.test(rest) ? [head, ...(rest.match(/[^[\]]+|(?<=\[)(?=\])/g) ?? [])] : [key];
    if (segments.some((s) => UNSAFE_KEYS.has(s))) continue;
    let node: Dict = root;
    segments.forEach((seg, i) => {
      const k = seg === '' ? String(Object.keys(node).length) : seg;
      if (i === segments.length - 1) node[k] = value;
      else node = (node[k] ??= {}) as Dict;
    });
  }
  return arrayify(root) as Dict;
}

function arrayify(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Dict).map(([k, v]) => [k, arrayify(v)] as const);
  const isList = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

function stripeError(status: number, error: Dict): HttpError {
  const code = typeof error.code === 'string' ? error.code : undefined;
  const body = code ? { doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`, ...error } : error;
  return new HttpError(status, { error: { type: 'invalid_request_error', ...body } });
}
const missing = (param: string) =>
  stripeError(400, { code: 'parameter_missing', message: `Missing required param: ${param}.`, param });
const invalid = (param: string, message: string, code = 'parameter_invalid') =>
  stripeError(400, { code, message, param });

function integer(value: unknown, param: string, min = 0): number {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw invalid(param, `Invalid integer: ${String(value)}`, 'parameter_invalid_integer');
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw invalid(param, `This value must be greater than or equal to ${min}.`, 'parameter_invalid_integer');
  }
  return n;
}

function optionalString(value: unknown, param: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string')
    throw invalid(param, `Invalid string: ${JSON.stringify(value)}`, 'parameter_invalid_string');
  return value;
}

function optionalUrl(value: unknown, param: string): string | null {
  const url = optionalString(value, param);
  if (url !== null && !/^https?:\/\/[^\s/]+/.test(url)) throw invalid(param, 'Not a valid URL', 'url_invalid');
  return url;
}

function unknownParams(obj: Dict, allowed: Set<string>, prefix: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) {
      const param = prefix ? `${prefix}[${key}]` : key;
      throw invalid(param, `Received unknown parameter: ${param}`, 'parameter_unknown');
    }
  }
}

function asDict(value: unknown, param: string): Dict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(param, `Invalid object`, 'parameter_invalid_object');
  }
  return value as Dict;
}

function asList(value: unknown, param: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(param, `Invalid array`, 'parameter_invalid_array');
  return value;
}

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  if (!options?.webhookSecret) throw new Error('startFakeStripe: webhookSecret is required');
  const requests: RecordedRequest[] = [];
  const events: FakeStripeEvent[] = [];
  const sessions = new Map<string, FakeCheckoutSession>();
  const charges = new Map<string, FakeCharge>(); // by session id
  const apiVersions = new Map<string, string>(); // session id -> Stripe-Version it was created with
  const idempotent = new Map<string, { rawBody: string; status: number; body: unknown }>();
  const now = () => Math.floor(Date.now() / 1000);
  let baseUrl = '';

  function authenticate(req: http.IncomingMessage): void {
    const header = req.headers.authorization;
    if (!header) {
      throw stripeError(401, {
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    }
    const key = /^Bearer (\S+)$/.exec(header)?.[1] ?? '';
    const ok = options.apiKey ? key === options.apiKey : /^sk_test_\w+$/.test(key);
    if (!ok) {
      throw stripeError(401, { message: `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}` });
    }
  }

  function createSession(params: Dict, apiVersion: string): FakeCheckoutSession {
    unknownParams(params, CREATE_PARAMS, '');
    if (params.mode === undefined) throw missing('mode');
    if (params.mode !== 'payment') {
      throw invalid('mode', `The fake Stripe implements only mode=payment, got ${String(params.mode)}`);
    }
    if (params.line_items === undefined) throw missing('line_items');
    const items = asList(params.line_items, 'line_items');
    let currency: string | undefined;
    let total = 0;
    items.forEach((raw, i) => {
      const p = `line_items[${i}]`;
      const item = asDict(raw, p);
      unknownParams(item, LINE_ITEM_PARAMS, p);
      if (item.price !== undefined) throw invalid(`${p}[price]`, 'The fake Stripe supports price_data only');
      if (item.price_data === undefined) throw missing(`${p}[price_data]`);
      if (item.quantity === undefined) throw missing(`${p}[quantity]`);
      const quantity = integer(item.quantity, `${p}[quantity]`, 1);
      const priceData = asDict(item.price_data, `${p}[price_data]`);
      unknownParams(priceData, PRICE_DATA_PARAMS, `${p}[price_data]`);
      if (priceData.currency === undefined) throw missing(`${p}[price_data][currency]`);
      const cur = String(priceData.currency).toLowerCase();
      if (!/^[a-z]{3}$/.test(cur)) throw invalid(`${p}[price_data][currency]`, `Invalid currency: ${cur}`);
      if (currency && cur !== currency) {
        throw invalid(`${p}[price_data][currency]`, 'All line items must use the same currency.');
      }
      currency = cur;
      if (priceData.unit_amount === undefined) throw missing(`${p}[price_data][unit_amount]`);
      const unitAmount = integer(priceData.unit_amount, `${p}[price_data][unit_amount]`);
      if (priceData.product_data === undefined) throw missing(`${p}[price_data][product_data]`);
      const product = asDict(priceData.product_data, `${p}[price_data][product_data]`);
      if (typeof product.name !== 'string' || product.name === '')
        throw missing(`${p}[price_data][product_data][name]`);
      total += unitAmount * quantity;
    });
    if (!currency) throw missing('line_items');
    const minimum = MINIMUM_AMOUNT[currency];
    if (minimum !== undefined && total < minimum) {
      throw invalid(
        'line_items',
        `The Checkout Session's total amount due must add up to at least ${minimum} ${currency} (smallest unit).`,
        'amount_too_small',
      );
    }

    const email = optionalString(params.customer_email, 'customer_email');
    if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw invalid('customer_email', `Invalid email address: ${email}`, 'email_invalid');
    }
    const metadata = params.metadata === undefined ? {} : asDict(params.metadata, 'metadata');
    const keys = Object.keys(metadata);
    if (keys.length > 50) throw invalid('metadata', 'Metadata can have up to 50 keys.');
    for (const k of keys) {
      if (typeof metadata[k] !== 'string') throw invalid(`metadata[${k}]`, 'Metadata values must be strings.');
      if (k.length > 40) throw invalid(`metadata[${k}]`, 'Metadata keys can be up to 40 characters long.');
      if ((metadata[k] as string).length > 500) {
        throw invalid(`metadata[${k}]`, 'Metadata values can be up to 500 characters long.');
      }
    }
    let methods = ['card'];
    if (params.payment_method_types !== undefined) {
      methods = asList(params.payment_method_types, 'payment_method_types').map((m, i) => {
        if (typeof m !== 'string' || !PAYMENT_METHOD_TYPES.includes(m)) {
          throw invalid(
            `payment_method_types[${i}]`,
            `Invalid payment_method_types[${i}]: must be one of ${PAYMENT_METHOD_TYPES.join(', ')}`,
          );
        }
        return m;
      });
    }
    const created = now();
    const expiresAt = params.expires_at === undefined ? created + 86_400 : integer(params.expires_at, 'expires_at');
    const id = `cs_test_${randomToken(58)}`;
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      cancel_url: optionalUrl(params.cancel_url, 'cancel_url'),
      client_reference_id: optionalString(params.client_reference_id, 'client_reference_id'),
      created,
      currency,
      customer: optionalString(params.customer, 'customer'),
      customer_details: null,
      customer_email: email,
      expires_at: expiresAt,
      livemode: false,
      locale: optionalString(params.locale, 'locale'),
      metadata: metadata as Record<string, string>,
      mode: 'payment',
      payment_intent: null,
      payment_method_types: methods,
      payment_status: 'unpaid',
      status: 'open',
      success_url: optionalUrl(params.success_url, 'success_url'),
      url: `${baseUrl}/pay/${id}`,
    };
    sessions.set(id, session);
    apiVersions.set(id, apiVersion);
    return session;
  }

  const route = async (req: http.IncomingMessage, res: http.ServerResponse, rec: RecordedRequest) => {
    const { method } = rec;
    const pay = /^\/pay\/([^/]+)$/.exec(rec.path);
    if (method === 'GET' && pay) {
      return sendHtml(res, `<!doctype html><title>Fake Stripe Checkout</title><h1>Checkout ${pay[1]}</h1>`);
    }
    authenticate(req);
    const headers = { 'request-id': `req_${randomToken(14)}`, 'stripe-version': Stripe.API_VERSION };
    const apiVersion = String(req.headers['stripe-version'] ?? Stripe.API_VERSION);
    if (method === 'POST' && rec.path === '/v1/checkout/sessions') {
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('application/x-www-form-urlencoded')) {
        throw stripeError(400, { message: `Invalid request: unsupported Content-Type ${type}.` });
      }
      const key = req.headers['idempotency-key'] as string | undefined;
      const previous = key ? idempotent.get(key) : undefined;
      if (previous) {
        if (previous.rawBody !== rec.rawBody) {
          throw new HttpError(400, {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          });
        }
        return sendJson(res, previous.status, previous.body, 'application/json', {
          ...headers,
          'idempotent-replayed': 'true',
        });
      }
      const session = createSession((rec.body ?? {}) as Dict, apiVersion);
      if (key) idempotent.set(key, { rawBody: rec.rawBody, status: 200, body: session });
      return sendJson(res, 200, session, 'application/json', headers);
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(rec.path);
    if (method === 'GET' && retrieve) {
      const session = sessions.get(decodeURIComponent(retrieve[1]));
      if (!session) {
        throw stripeError(404, {
          code: 'resource_missing',
          message: `No such checkout.session: '${retrieve[1]}'`,
          param: 'session',
        });
      }
      return sendJson(res, 200, session, 'application/json', headers);
    }
    throw stripeError(404, {
      message: `Unrecognized request URL (${method}: ${rec.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  };

  const server = http.createServer(
    handler(
      requests,
      (raw) => parseStripeForm(raw),
      route,
      (err) => ({
        status: 500,
        body: { error: { type: 'api_error', message: `Fake Stripe failed: ${String(err)}` } },
      }),
    ),
  );
  const port = await listen(server);
  baseUrl = `http://127.0.0.1:${port}`;

  function sessionOrThrow(id: string): FakeCheckoutSession {
    const session = sessions.get(id);
    if (!session) throw new Error(`fake Stripe: no checkout session ${id}`);
    return session;
  }

  function makeEvent<T>(type: string, object: T, apiVersion: string, previous?: Dict): FakeStripeEvent<T> {
    const event: FakeStripeEvent<T> = {
      id: `evt_${randomToken(24)}`,
      object: 'event',
      api_version: apiVersion,
      created: now(),
      data: previous
        ? { object: structuredClone(object), previous_attributes: previous }
        : { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    events.push(event);
    return event;
  }

  function signedDelivery(event: FakeStripeEvent, opts: DeliveryOptions = {}): SignedDelivery {
    const body = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: opts.secret ?? options.webhookSecret,
      timestamp: opts.timestamp ?? now(),
    });
    return {
      body,
      headers: {
        'stripe-signature': signature,
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      },
    };
  }

  return {
    baseUrl,
    host: '127.0.0.1',
    port,
    requests,
    events,
    getSession: (id) => sessions.get(id),
    completeSession(id, opts = {}) {
      const session = sessionOrThrow(id);
      const method = opts.paymentMethod ?? 'card';
      if (session.status !== 'open') throw new Error(`fake Stripe: session ${id} is ${session.status}, not open`);
      if (!session.payment_method_types.includes(method)) {
        throw new Error(`fake Stripe: session ${id} does not accept ${method}`);
      }
      const paymentIntent = `pi_${randomToken(24)}`;
      Object.assign(session, {
        status: 'complete',
        payment_status: 'paid',
        payment_intent: paymentIntent,
        customer_details: { email: session.customer_email, name: null },
        url: null,
      });
      charges.set(id, {
        id: `ch_${randomToken(24)}`,
        object: 'charge',
        amount: session.amount_total,
        amount_captured: session.amount_total,
        amount_refunded: 0,
        captured: true,
        created: now(),
        currency: session.currency,
        livemode: false,
        metadata: {},
        paid: true,
        payment_intent: paymentIntent,
        payment_method_details: { type: method },
        refunded: false,
        status: 'succeeded',
      });
      return makeEvent('checkout.session.completed', session, apiVersions.get(id)!);
    },
    failSession(id, opts = {}) {
      const session = sessionOrThrow(id);
      if (session.status !== 'open') throw new Error(`fake Stripe: session ${id} is ${session.status}, not open`);
      if (opts.as === 'expired') {
        Object.assign(session, { status: 'expired', url: null });
        return makeEvent('checkout.session.expired', session, apiVersions.get(id)!);
      }
      // A delayed-notification method: the session completed unpaid, then the payment failed.
      Object.assign(session, {
        status: 'complete',
        payment_status: 'unpaid',
        payment_intent: `pi_${randomToken(24)}`,
        customer_details: { email: session.customer_email, name: null },
        url: null,
      });
      return makeEvent('checkout.session.async_payment_failed', session, apiVersions.get(id)!);
    },
    refund(id, opts = {}) {
      const session = sessionOrThrow(id);
      const charge = charges.get(id);
      if (!charge || session.payment_status !== 'paid') throw new Error(`fake Stripe: session ${id} is not paid`);
      const left = charge.amount - charge.amount_refunded;
      const amount = opts.amount ?? left;
      if (!Number.isInteger(amount) || amount < 1 || amount > left) {
        throw new Error(`fake Stripe: cannot refund ${amount} of ${left} left on ${charge.id}`);
      }
      const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      return makeEvent('charge.refunded', charge, apiVersions.get(id)!, previous);
    },
    signedDelivery,
    async deliver(url, event, opts) {
      const { body, headers } = signedDelivery(event, opts);
      return (await postRaw(url, body, headers)).status;
    },
    close: () => closeServer(server),
  };
}
