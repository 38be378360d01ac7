// Fake Stripe API on loopback (plain HTTP) for the official `stripe` SDK, pointed at it with
// `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 })`.
// Implements Checkout Sessions (payment and setup mode) create/retrieve, Customers create/retrieve,
// PaymentIntents create (off-session charges of a saved card) and retrieve, SetupIntents, PaymentMethods,
// Charges and Refunds retrieve, and Refunds create: form-encoded, Bearer sk_test_… auth, Stripe's error
// shapes (402 card errors included) and idempotency keys on every POST. Helpers move a session on, make a
// saved card decline, and sign the resulting events as Stripe does.
import http from 'node:http';
import Stripe from 'stripe';
import { HttpError, closeServer, handler, listen, postRaw, randomToken, sendHtml, sendJson } from './internal';
import type { RecordedRequest } from './internal';
import { demoSavedCards } from '@sitecare/seeds';

export interface FakeStripeOptions {
  /** The endpoint secret (`whsec_…`) the receiver passes to `stripe.webhooks.constructEvent`. */
  webhookSecret: string;
  /** When set, only this exact key is accepted; otherwise any `sk_test_…` key. */
  apiKey?: string;
  /**
   * Customers with a saved card, known from the start; by default the demo's (`demoSavedCards` of
   * @sitecare/seeds), so the demo's renewing subscriptions renew through any fake Stripe.
   */
  savedCards?: readonly { customer: string; paymentMethod: string }[];
}

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  /** As given (`allowed_payment_method_types`), else `null`. */
  allowed_payment_method_types: string[] | null;
  /** `null` in setup mode. */
  amount_subtotal: number | null;
  /** `null` in setup mode. */
  amount_total: number | null;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  /** `null` in setup mode unless `currency` was given. */
  currency: string | null;
  customer: string | null;
  /** `if_required` by default in payment mode, `null` in setup mode. */
  customer_creation: 'always' | 'if_required' | null;
  customer_details: { email: string | null; name: string | null } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Record<string, string>;
  mode: 'payment' | 'setup';
  payment_intent: string | null;
  /** What the buyer may use: `allowed_payment_method_types` (or the legacy `payment_method_types`) minus excluded ones. */
  payment_method_types: string[];
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  /** The SetupIntent of a completed setup-mode session; always `null` in payment mode. */
  setup_intent: string | null;
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
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Record<string, string>;
  outcome: { network_status: string; reason: string | null; seller_message: string; type: string };
  paid: boolean;
  payment_intent: string;
  payment_method: string | null;
  payment_method_details: { type: string };
  refunded: boolean;
  status: 'succeeded' | 'failed';
}

export interface FakeStripeCustomer {
  id: string;
  object: 'customer';
  address: null;
  balance: number;
  created: number;
  currency: string | null;
  default_source: null;
  delinquent: boolean;
  description: string | null;
  email: string | null;
  invoice_prefix: string;
  invoice_settings: { custom_fields: null; default_payment_method: string | null; footer: null };
  livemode: false;
  metadata: Record<string, string>;
  name: string | null;
  phone: string | null;
  preferred_locales: string[];
  shipping: null;
  tax_exempt: 'none';
}

export interface FakePaymentMethod {
  id: string;
  object: 'payment_method';
  billing_details: { address: null; email: string | null; name: string | null; phone: null };
  card: {
    brand: string;
    country: string;
    exp_month: number;
    exp_year: number;
    fingerprint: string;
    funding: string;
    last4: string;
  } | null;
  created: number;
  /** The customer it is attached to (reusable off-session), or `null`. */
  customer: string | null;
  livemode: false;
  metadata: Record<string, string>;
  type: string;
}

/** What Stripe puts in `error` (and in `last_payment_error`) for a refused card. */
export interface FakeStripeCardError {
  type: 'card_error';
  code: string;
  decline_code: string;
  doc_url: string;
  message: string;
  charge?: string;
  payment_method: FakePaymentMethod;
}

export type FakePaymentIntentStatus =
  'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'succeeded' | 'canceled';

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  allowed_payment_method_types: string[] | null;
  amount: number;
  amount_capturable: number;
  amount_received: number;
  capture_method: 'automatic';
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  excluded_payment_method_types: string[] | null;
  last_payment_error: FakeStripeCardError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  next_action: null;
  payment_method: string | null;
  payment_method_types: string[];
  setup_future_usage: 'off_session' | 'on_session' | null;
  status: FakePaymentIntentStatus;
}

export interface FakeSetupIntent {
  id: string;
  object: 'setup_intent';
  allowed_payment_method_types: string[] | null;
  client_secret: string;
  created: number;
  customer: string | null;
  description: string | null;
  excluded_payment_method_types: string[] | null;
  livemode: false;
  metadata: Record<string, string>;
  payment_method: string;
  payment_method_types: string[];
  status: 'succeeded';
  usage: 'off_session';
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: null;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null;
  receipt_number: null;
  status: 'succeeded';
}

/**
 * How a saved card refuses later off-session charges, as Stripe's test cards do. The 402 error's `code`
 * and `decline_code` are Stripe's: `card_declined`/`generic_decline`, `card_declined`/`insufficient_funds`
 * (Stripe reports insufficient funds as a card_declined code), `authentication_required`/`authentication_required`.
 */
export type StripeDeclineCode = 'card_declined' | 'authentication_required' | 'insufficient_funds';

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
  /**
   * Every event made, in order: by the helpers (`completeSession`, `failSession`, `refund`) and by API calls
   * (`payment_intent.succeeded` / `payment_intent.payment_failed` from POST /v1/payment_intents,
   * `charge.refunded` from POST /v1/refunds).
   */
  events: FakeStripeEvent[];
  getSession(id: string): FakeCheckoutSession | undefined;
  getPaymentIntent(id: string): FakePaymentIntent | undefined;
  getSetupIntent(id: string): FakeSetupIntent | undefined;
  getCustomer(id: string): FakeStripeCustomer | undefined;
  /** Ids of the payment methods attached to the customer (reusable off-session), oldest first. */
  paymentMethodsOf(customerId: string): string[];
  /** Later confirmations with this payment method fail with a 402 card error (default `card_declined`). */
  declinePaymentMethod(paymentMethodId: string, code?: StripeDeclineCode): void;
  /**
   * Buyer paid (payment mode) or saved a card (setup mode); returns `checkout.session.completed`.
   * Payment mode: a PaymentIntent and charge are stored; with `customer_creation: 'always'` or
   * `payment_intent_data.setup_future_usage` a customer is created (unless one was given), and with
   * setup_future_usage the card is attached to it. Setup mode: a SetupIntent with a new card attached to the
   * session's customer.
   */
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
  'currency',
  'customer_email',
  'customer_creation',
  'success_url',
  'cancel_url',
  'metadata',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  // Removed from the SDK's types in stripe-node 23 (API 2026-10-28); still accepted for older callers.
  'payment_method_types',
  'client_reference_id',
  'customer',
  'locale',
  'expires_at',
  'payment_intent_data',
  'setup_intent_data',
  'allow_promotion_codes',
  'billing_address_collection',
  'submit_type',
  'expand',
]);
const LINE_ITEM_PARAMS = new Set(['price_data', 'quantity', 'price']);
const PRICE_DATA_PARAMS = new Set(['currency', 'unit_amount', 'unit_amount_decimal', 'product_data', 'tax_behavior']);
const PAYMENT_INTENT_DATA_PARAMS = new Set(['setup_future_usage', 'metadata', 'description']);
const SETUP_INTENT_DATA_PARAMS = new Set(['metadata', 'description']);
const CUSTOMER_PARAMS = new Set(['email', 'name', 'description', 'metadata', 'phone', 'preferred_locales', 'expand']);
const PAYMENT_INTENT_PARAMS = new Set([
  'amount',
  'currency',
  'customer',
  'payment_method',
  'allowed_payment_method_types',
  'excluded_payment_method_types',
  'payment_method_types',
  'off_session',
  'confirm',
  'description',
  'metadata',
  'setup_future_usage',
  'receipt_email',
  'statement_descriptor_suffix',
  'error_on_requires_action',
  'expand',
]);
const REFUND_PARAMS = new Set(['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];
const PAYMENT_METHOD_TYPES = ['card', 'ideal', 'bancontact', 'sepa_debit', 'sofort', 'eps', 'giropay', 'p24', 'paypal'];
const MINIMUM_AMOUNT: Record<string, number> = { eur: 50, usd: 50, chf: 50, gbp: 30 };
const CURRENCY_SIGN: Record<string, string> = { eur: '€', usd: '$', gbp: '£', chf: 'CHF ' };
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const DECLINES: Record<StripeDeclineCode, { code: string; decline_code: string; message: string; charge: boolean }> = {
  card_declined: {
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
    charge: true,
  },
  insufficient_funds: {
    code: 'card_declined',
    decline_code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
    charge: true,
  },
  authentication_required: {
    code: 'authentication_required',
    decline_code: 'authentication_required',
    message: 'Your card was declined. This transaction requires authentication.',
    charge: false,
  },
};

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

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;

function stripeError(status: number, error: Dict): HttpError {
  const code = typeof error.code === 'string' ? error.code : undefined;
  const body = code ? { doc_url: docUrl(code), ...error } : error;
  return new HttpError(status, { error: { type: 'invalid_request_error', ...body } });
}
const missing = (param: string) =>
  stripeError(400, { code: 'parameter_missing', message: `Missing required param: ${param}.`, param });
const invalid = (param: string, message: string, code = 'parameter_invalid') =>
  stripeError(400, { code, message, param });
const noSuch = (status: number, what: string, id: string, param: string) =>
  stripeError(status, { code: 'resource_missing', message: `No such ${what}: '${id}'`, param });

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

function optionalEmail(value: unknown, param: string): string | null {
  const email = optionalString(value, param);
  if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw invalid(param, `Invalid email address: ${email}`, 'email_invalid');
  }
  return email;
}

/** Stripe booleans arrive as `true`/`false`; `off_session` also takes `one_off`/`recurring`. */
function optionalBoolean(value: unknown, param: string, alsoTrue: string[] = []): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || (typeof value === 'string' && alsoTrue.includes(value))) return true;
  if (value === 'false') return false;
  throw invalid(param, `Invalid boolean: ${String(value)}`, 'parameter_invalid_boolean');
}

function optionalEnum<T extends string>(value: unknown, param: string, allowed: readonly T[]): T | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalid(param, `Invalid ${param}: must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function currencyOf(value: unknown, param: string): string {
  if (value === undefined) throw missing(param);
  const cur = String(value).toLowerCase();
  if (!/^[a-z]{3}$/.test(cur)) throw invalid(param, `Invalid currency: ${cur}`);
  return cur;
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

/** A list of payment method types (`allowed_…`, `excluded_…` or the legacy `payment_method_types`), or null. */
function methodTypesOf(value: unknown, param: string): string[] | null {
  if (value === undefined) return null;
  const list = asList(value, param).map((m, i) => {
    if (typeof m !== 'string' || !PAYMENT_METHOD_TYPES.includes(m)) {
      throw invalid(`${param}[${i}]`, `Invalid ${param}[${i}]: must be one of ${PAYMENT_METHOD_TYPES.join(', ')}`);
    }
    return m;
  });
  if (list.length === 0) throw invalid(param, `${param} must not be empty`);
  return list;
}

/** What a session or intent accepts: the allowed (or legacy) list, default card, minus the excluded. */
function acceptedTypes(params: Dict): { allowed: string[] | null; excluded: string[] | null; types: string[] } {
  const allowed = methodTypesOf(params.allowed_payment_method_types, 'allowed_payment_method_types');
  const legacy = methodTypesOf(params.payment_method_types, 'payment_method_types');
  if (allowed && legacy) {
    throw invalid(
      'payment_method_types',
      'You may only specify one of these parameters: allowed_payment_method_types, payment_method_types.',
    );
  }
  const excluded = methodTypesOf(params.excluded_payment_method_types, 'excluded_payment_method_types');
  const types = (allowed ?? legacy ?? ['card']).filter((t) => !excluded?.includes(t));
  if (types.length === 0) {
    throw invalid('excluded_payment_method_types', 'No payment method types are left after the exclusions.');
  }
  return { allowed, excluded, types };
}

/** Stripe's metadata rules: up to 50 string values, keys up to 40 and values up to 500 characters. */
function metadataOf(value: unknown, param: string): Record<string, string> {
  if (value === undefined || value === '') return {};
  const metadata = asDict(value, param);
  const keys = Object.keys(metadata);
  if (keys.length > 50) throw invalid(param, 'Metadata can have up to 50 keys.');
  for (const k of keys) {
    if (typeof metadata[k] !== 'string') throw invalid(`${param}[${k}]`, 'Metadata values must be strings.');
    if (k.length > 40) throw invalid(`${param}[${k}]`, 'Metadata keys can be up to 40 characters long.');
    if ((metadata[k] as string).length > 500) {
      throw invalid(`${param}[${k}]`, 'Metadata values can be up to 500 characters long.');
    }
  }
  return metadata as Record<string, string>;
}

function checkMinimum(amount: number, currency: string, param: string, message: (min: string) => string): void {
  const minimum = MINIMUM_AMOUNT[currency];
  if (minimum !== undefined && amount < minimum) {
    const shown = `${CURRENCY_SIGN[currency] ?? ''}${(minimum / 100).toFixed(2)} ${currency}`;
    throw invalid(param, message(shown), 'amount_too_small');
  }
}

/** What an API route sees of the request, for events it makes. */
interface RequestContext {
  apiVersion: string;
  requestId: string;
  idempotencyKey: string | null;
}

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  if (!options?.webhookSecret) throw new Error('startFakeStripe: webhookSecret is required');
  const requests: RecordedRequest[] = [];
  const events: FakeStripeEvent[] = [];
  const sessions = new Map<string, FakeCheckoutSession>();
  const sessionIntentData = new Map<string, Dict>(); // session id -> payment_intent_data / setup_intent_data
  const customers = new Map<string, FakeStripeCustomer>();
  const paymentMethods = new Map<string, FakePaymentMethod>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const setupIntents = new Map<string, FakeSetupIntent>();
  const charges = new Map<string, FakeCharge>(); // by charge id; a PaymentIntent's is its latest_charge
  const refunds = new Map<string, FakeRefund>();
  const declines = new Map<string, StripeDeclineCode>(); // payment method id -> how it refuses
  const apiVersions = new Map<string, string>(); // session id -> Stripe-Version it was created with
  const idempotent = new Map<string, { path: string; rawBody: string; status: number; body: unknown }>();
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

  function newCustomer(fields: Partial<FakeStripeCustomer>): FakeStripeCustomer {
    const customer: FakeStripeCustomer = {
      id: `cus_${randomToken(14)}`,
      object: 'customer',
      address: null,
      balance: 0,
      created: now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: null,
      email: null,
      invoice_prefix: randomToken(8, '0123456789ABCDEF'),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null },
      livemode: false,
      metadata: {},
      name: null,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: 'none',
      ...fields,
    };
    customers.set(customer.id, customer);
    return customer;
  }

  function newPaymentMethod(type: string, customer: string | null, email: string | null): FakePaymentMethod {
    const pm: FakePaymentMethod = {
      id: `pm_${randomToken(24)}`,
      object: 'payment_method',
      billing_details: { address: null, email, name: null, phone: null },
      card:
        type === 'card'
          ? {
              brand: 'visa',
              country: 'US',
              exp_month: 12,
              exp_year: new Date().getUTCFullYear() + 3,
              fingerprint: randomToken(16),
              funding: 'credit',
              last4: '4242',
            }
          : null,
      created: now(),
      customer,
      livemode: false,
      metadata: {},
      type,
    };
    paymentMethods.set(pm.id, pm);
    return pm;
  }

  for (const saved of options.savedCards ?? Object.values(demoSavedCards)) {
    newCustomer({ id: saved.customer });
    const pm = newPaymentMethod('card', saved.customer, null);
    paymentMethods.delete(pm.id);
    paymentMethods.set(saved.paymentMethod, { ...pm, id: saved.paymentMethod });
  }

  function newCharge(pi: FakePaymentIntent, type: string, failure?: { code: string; message: string }): FakeCharge {
    const charge: FakeCharge = {
      id: `ch_${randomToken(24)}`,
      object: 'charge',
      amount: pi.amount,
      amount_captured: failure ? 0 : pi.amount,
      amount_refunded: 0,
      captured: !failure,
      created: now(),
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description,
      failure_code: failure?.code ?? null,
      failure_message: failure?.message ?? null,
      livemode: false,
      metadata: { ...pi.metadata },
      outcome: failure
        ? {
            network_status: 'declined_by_network',
            reason: failure.code,
            seller_message: 'The bank did not return any further details with this decline.',
            type: 'issuer_declined',
          }
        : {
            network_status: 'approved_by_network',
            reason: null,
            seller_message: 'Payment complete.',
            type: 'authorized',
          },
      paid: !failure,
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      payment_method_details: { type },
      refunded: false,
      status: failure ? 'failed' : 'succeeded',
    };
    charges.set(charge.id, charge);
    pi.latest_charge = charge.id;
    return charge;
  }

  function newPaymentIntent(fields: Partial<FakePaymentIntent> & { amount: number; currency: string }) {
    const id = `pi_${randomToken(24)}`;
    const pi: FakePaymentIntent = {
      id,
      object: 'payment_intent',
      allowed_payment_method_types: null,
      amount_capturable: 0,
      amount_received: 0,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${randomToken(25)}`,
      confirmation_method: 'automatic',
      created: now(),
      customer: null,
      description: null,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: {},
      next_action: null,
      payment_method: null,
      payment_method_types: ['card'],
      setup_future_usage: null,
      status: 'requires_payment_method',
      ...fields,
    };
    paymentIntents.set(id, pi);
    return pi;
  }

  function customerOrThrow(id: string, param: string): FakeStripeCustomer {
    const customer = customers.get(id);
    if (!customer) throw noSuch(400, 'customer', id, param);
    return customer;
  }

  function createSession(params: Dict, apiVersion: string): FakeCheckoutSession {
    unknownParams(params, CREATE_PARAMS, '');
    if (params.mode === undefined) throw missing('mode');
    if (params.mode !== 'payment' && params.mode !== 'setup') {
      throw invalid('mode', `The fake Stripe implements only mode=payment and mode=setup, got ${String(params.mode)}`);
    }
    const mode = params.mode;
    let currency: string | null = params.currency === undefined ? null : currencyOf(params.currency, 'currency');
    let total: number | null = null;
    if (mode === 'payment') {
      if (params.line_items === undefined) throw missing('line_items');
      if (params.setup_intent_data !== undefined) {
        throw invalid('setup_intent_data', 'You can only pass `setup_intent_data` in `setup` mode.');
      }
      const items = asList(params.line_items, 'line_items');
      let itemsCurrency: string | undefined;
      let sum = 0;
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
        const cur = currencyOf(priceData.currency, `${p}[price_data][currency]`);
        if (itemsCurrency && cur !== itemsCurrency) {
          throw invalid(`${p}[price_data][currency]`, 'All line items must use the same currency.');
        }
        itemsCurrency = cur;
        if (priceData.unit_amount === undefined) throw missing(`${p}[price_data][unit_amount]`);
        const unitAmount = integer(priceData.unit_amount, `${p}[price_data][unit_amount]`);
        if (priceData.product_data === undefined) throw missing(`${p}[price_data][product_data]`);
        const product = asDict(priceData.product_data, `${p}[price_data][product_data]`);
        if (typeof product.name !== 'string' || product.name === '')
          throw missing(`${p}[price_data][product_data][name]`);
        sum += unitAmount * quantity;
      });
      if (!itemsCurrency) throw missing('line_items');
      total = sum;
      if (currency && currency !== itemsCurrency) {
        throw invalid('currency', 'The currency must match the currency of the line items.');
      }
      currency = itemsCurrency;
      checkMinimum(
        total,
        currency,
        'line_items',
        () =>
          `The Checkout Session's total amount due must add up to at least ${MINIMUM_AMOUNT[currency!]} ${currency} (smallest unit).`,
      );
    } else {
      if (params.line_items !== undefined) throw invalid('line_items', 'You cannot pass `line_items` in `setup` mode.');
      if (params.payment_intent_data !== undefined) {
        throw invalid('payment_intent_data', 'You can not pass `payment_intent_data` in `setup` mode.');
      }
      if (params.customer_creation !== undefined) {
        throw invalid('customer_creation', '`customer_creation` can only be used in `payment` mode.');
      }
    }

    const email = optionalEmail(params.customer_email, 'customer_email');
    const customer = optionalString(params.customer, 'customer');
    if (customer !== null) customerOrThrow(customer, 'customer');
    if (customer !== null && email !== null) {
      throw invalid('customer_email', 'You may only specify one of these parameters: customer, customer_email.');
    }
    const customerCreation = optionalEnum(params.customer_creation, 'customer_creation', ['always', 'if_required']);
    if (customer !== null && customerCreation !== null) {
      throw invalid('customer_creation', 'You may only specify one of these parameters: customer, customer_creation.');
    }
    const metadata = metadataOf(params.metadata, 'metadata');
    let intentData: Dict = {};
    if (params.payment_intent_data !== undefined) {
      const data = asDict(params.payment_intent_data, 'payment_intent_data');
      unknownParams(data, PAYMENT_INTENT_DATA_PARAMS, 'payment_intent_data');
      intentData = {
        setup_future_usage: optionalEnum(data.setup_future_usage, 'payment_intent_data[setup_future_usage]', [
          'off_session',
          'on_session',
        ]),
        metadata: metadataOf(data.metadata, 'payment_intent_data[metadata]'),
        description: optionalString(data.description, 'payment_intent_data[description]'),
      };
    }
    if (params.setup_intent_data !== undefined) {
      const data = asDict(params.setup_intent_data, 'setup_intent_data');
      unknownParams(data, SETUP_INTENT_DATA_PARAMS, 'setup_intent_data');
      intentData = {
        metadata: metadataOf(data.metadata, 'setup_intent_data[metadata]'),
        description: optionalString(data.description, 'setup_intent_data[description]'),
      };
    }
    const accepted = acceptedTypes(params);
    if (mode === 'setup' && currency === null && !accepted.allowed && params.payment_method_types === undefined) {
      // Stripe: currency is required in setup mode when allowed_payment_method_types is not set.
      throw missing('currency');
    }
    const created = now();
    const expiresAt = params.expires_at === undefined ? created + 86_400 : integer(params.expires_at, 'expires_at');
    const id = `cs_test_${randomToken(58)}`;
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      allowed_payment_method_types: accepted.allowed,
      amount_subtotal: total,
      amount_total: total,
      cancel_url: optionalUrl(params.cancel_url, 'cancel_url'),
      client_reference_id: optionalString(params.client_reference_id, 'client_reference_id'),
      created,
      currency,
      customer,
      customer_creation: mode === 'payment' ? (customerCreation ?? 'if_required') : null,
      customer_details: null,
      customer_email: email,
      expires_at: expiresAt,
      livemode: false,
      locale: optionalString(params.locale, 'locale'),
      metadata,
      mode,
      payment_intent: null,
      payment_method_types: accepted.types,
      payment_status: mode === 'payment' ? 'unpaid' : 'no_payment_required',
      setup_intent: null,
      status: 'open',
      success_url: optionalUrl(params.success_url, 'success_url'),
      url: `${baseUrl}/pay/${id}`,
    };
    sessions.set(id, session);
    sessionIntentData.set(id, intentData);
    apiVersions.set(id, apiVersion);
    return session;
  }

  function createCustomer(params: Dict): FakeStripeCustomer {
    unknownParams(params, CUSTOMER_PARAMS, '');
    const locales =
      params.preferred_locales === undefined
        ? []
        : asList(params.preferred_locales, 'preferred_locales').map((l, i) => {
            const locale = optionalString(l, `preferred_locales[${i}]`) ?? '';
            if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) throw invalid(`preferred_locales[${i}]`, 'Invalid locale');
            return locale;
          });
    return newCustomer({
      email: optionalEmail(params.email, 'email'),
      name: optionalString(params.name, 'name'),
      description: optionalString(params.description, 'description'),
      phone: optionalString(params.phone, 'phone'),
      metadata: metadataOf(params.metadata, 'metadata'),
      preferred_locales: locales,
    });
  }

  /** A 402 card error as Stripe sends it: the refused PaymentIntent rides along in `error.payment_intent`. */
  function cardError(pi: FakePaymentIntent, error: FakeStripeCardError): HttpError {
    return new HttpError(402, {
      error: {
        ...structuredClone(error),
        payment_intent: structuredClone(pi),
        request_log_url: `https://dashboard.stripe.com/test/logs/req_${randomToken(14)}`,
      },
    });
  }

  function createPaymentIntent(params: Dict, ctx: RequestContext): FakePaymentIntent {
    unknownParams(params, PAYMENT_INTENT_PARAMS, '');
    if (params.amount === undefined) throw missing('amount');
    const amount = integer(params.amount, 'amount', 0);
    const currency = currencyOf(params.currency, 'currency');
    checkMinimum(amount, currency, 'amount', (min) => `Amount must be at least ${min}`);
    if (amount > 99_999_999) throw invalid('amount', 'Amount must be no more than 99999999', 'amount_too_large');
    const confirm = optionalBoolean(params.confirm, 'confirm') ?? false;
    const offSession = optionalBoolean(params.off_session, 'off_session', ['one_off', 'recurring']);
    if (offSession !== undefined && !confirm) {
      throw invalid('off_session', 'You may only specify `off_session` when `confirm=true`.');
    }
    const customerId = optionalString(params.customer, 'customer');
    if (customerId !== null) customerOrThrow(customerId, 'customer');
    const pmId = optionalString(params.payment_method, 'payment_method');
    const pm = pmId === null ? undefined : paymentMethods.get(pmId);
    if (pmId !== null && !pm) throw noSuch(400, 'PaymentMethod', pmId, 'payment_method');
    if (pm && pm.customer !== customerId) {
      throw invalid(
        'payment_method',
        pm.customer
          ? `The provided PaymentMethod belongs to the Customer ${pm.customer}. Please include the Customer in the \`customer\` parameter on the PaymentIntent.`
          : customerId
            ? `The provided PaymentMethod ${pm.id} is not attached to the Customer ${customerId}. To use a PaymentMethod multiple times, you must attach it to a Customer first.`
            : 'The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.',
        'payment_method_invalid_parameter',
      );
    }
    const accepted = acceptedTypes(params);
    const methodTypes =
      pm && !accepted.allowed && params.payment_method_types === undefined ? [pm.type] : accepted.types;
    if (pm && !methodTypes.includes(pm.type)) {
      throw invalid('payment_method', `The PaymentMethod type ${pm.type} is not allowed for this PaymentIntent.`);
    }
    const setupFutureUsage = optionalEnum(params.setup_future_usage, 'setup_future_usage', [
      'off_session',
      'on_session',
    ]);
    if (setupFutureUsage && !customerId) {
      throw invalid('setup_future_usage', 'A Customer is required to set up a PaymentMethod for future usage.');
    }
    optionalEmail(params.receipt_email, 'receipt_email');
    if (confirm && !pm) {
      throw stripeError(400, {
        code: 'payment_intent_unexpected_state',
        message: "You cannot confirm this PaymentIntent because it's missing a payment method.",
      });
    }
    const pi = newPaymentIntent({
      allowed_payment_method_types: accepted.allowed,
      excluded_payment_method_types: accepted.excluded,
      amount,
      currency,
      customer: customerId,
      description: optionalString(params.description, 'description'),
      metadata: metadataOf(params.metadata, 'metadata'),
      payment_method: pmId,
      payment_method_types: methodTypes,
      setup_future_usage: setupFutureUsage,
      status: pm ? 'requires_confirmation' : 'requires_payment_method',
    });
    if (!confirm || !pm) return pi;
    const decline = declines.get(pm.id);
    if (decline) {
      const how = DECLINES[decline];
      const charge = how.charge ? newCharge(pi, pm.type, { code: how.code, message: how.message }) : undefined;
      const error: FakeStripeCardError = {
        type: 'card_error',
        code: how.code,
        decline_code: how.decline_code,
        doc_url: docUrl(how.code),
        message: how.message,
        ...(charge ? { charge: charge.id } : {}),
        payment_method: structuredClone(pm),
      };
      // Off-session refusals (authentication_required included) leave the intent in requires_payment_method.
      Object.assign(pi, { status: 'requires_payment_method', last_payment_error: error });
      makeEvent('payment_intent.payment_failed', pi, ctx.apiVersion, undefined, ctx);
      throw cardError(pi, error);
    }
    Object.assign(pi, { status: 'succeeded', amount_received: amount });
    newCharge(pi, pm.type);
    if (setupFutureUsage) pm.customer = customerId;
    makeEvent('payment_intent.succeeded', pi, ctx.apiVersion, undefined, ctx);
    return pi;
  }

  /** Refunds `amount` (default: what is left) of the PaymentIntent's charge; the caller makes the event. */
  function refundCharge(
    charge: FakeCharge,
    amount: number | undefined,
    fields: { reason: FakeRefund['reason']; metadata: Record<string, string> },
  ): { refund: FakeRefund; previous: Dict } {
    const left = charge.amount - charge.amount_refunded;
    if (left === 0) {
      throw stripeError(400, {
        code: 'charge_already_refunded',
        message: `Charge ${charge.id} has already been refunded.`,
      });
    }
    const value = amount ?? left;
    if (value > left) {
      throw invalid(
        'amount',
        `Refund amount (${value}) is greater than unrefunded amount on charge (${left})`,
        'amount_too_large',
      );
    }
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += value;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: FakeRefund = {
      id: `re_${randomToken(24)}`,
      object: 'refund',
      amount: value,
      balance_transaction: null,
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      metadata: fields.metadata,
      payment_intent: charge.payment_intent,
      reason: fields.reason,
      receipt_number: null,
      status: 'succeeded',
    };
    refunds.set(refund.id, refund);
    return { refund, previous };
  }

  function createRefund(params: Dict, ctx: RequestContext): FakeRefund {
    unknownParams(params, REFUND_PARAMS, '');
    const piId = optionalString(params.payment_intent, 'payment_intent');
    const chargeId = optionalString(params.charge, 'charge');
    if (piId === null && chargeId === null) {
      throw stripeError(400, {
        code: 'parameter_missing',
        message: 'One of the following params should be provided for this request: payment_intent or charge.',
      });
    }
    if (piId !== null && chargeId !== null) {
      throw invalid('charge', 'You may only specify one of these parameters: charge, payment_intent.');
    }
    let charge: FakeCharge | undefined;
    if (piId !== null) {
      const pi = paymentIntents.get(piId);
      if (!pi) throw noSuch(404, 'payment_intent', piId, 'payment_intent');
      charge = pi.latest_charge ? charges.get(pi.latest_charge) : undefined;
      if (pi.status !== 'succeeded' || !charge || charge.status !== 'succeeded') {
        throw invalid('payment_intent', `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`);
      }
    } else {
      charge = charges.get(chargeId!);
      if (!charge) throw noSuch(404, 'charge', chargeId!, 'charge');
      if (charge.status !== 'succeeded') throw invalid('charge', `Charge ${charge.id} has not succeeded.`);
    }
    const amount = params.amount === undefined ? undefined : integer(params.amount, 'amount', 1);
    const { refund, previous } = refundCharge(charge, amount, {
      reason: optionalEnum(params.reason, 'reason', REFUND_REASONS) as FakeRefund['reason'],
      metadata: metadataOf(params.metadata, 'metadata'),
    });
    makeEvent('charge.refunded', charge, ctx.apiVersion, previous, ctx);
    return refund;
  }

  const POSTS: Record<string, (params: Dict, ctx: RequestContext) => unknown> = {
    '/v1/checkout/sessions': (params, ctx) => createSession(params, ctx.apiVersion),
    '/v1/customers': (params) => createCustomer(params),
    '/v1/payment_intents': createPaymentIntent,
    '/v1/refunds': createRefund,
  };
  // GET /v1/<collection>/<id>: the store, the name in "No such …" and the param Stripe names.
  const RETRIEVABLE: Record<string, [Map<string, unknown>, string, string]> = {
    'checkout/sessions': [sessions, 'checkout.session', 'session'],
    customers: [customers, 'customer', 'customer'],
    payment_intents: [paymentIntents, 'payment_intent', 'intent'],
    setup_intents: [setupIntents, 'setupintent', 'intent'],
    payment_methods: [paymentMethods, 'PaymentMethod', 'payment_method'],
    charges: [charges, 'charge', 'charge'],
    refunds: [refunds, 'refund', 'refund'],
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse, rec: RecordedRequest) => {
    const { method } = rec;
    const pay = /^\/pay\/([^/]+)$/.exec(rec.path);
    if (method === 'GET' && pay) {
      return sendHtml(res, `<!doctype html><title>Fake Stripe Checkout</title><h1>Checkout ${pay[1]}</h1>`);
    }
    authenticate(req);
    const headers = { 'request-id': `req_${randomToken(14)}`, 'stripe-version': Stripe.API_VERSION };
    const apiVersion = String(req.headers['stripe-version'] ?? Stripe.API_VERSION);
    const post = POSTS[rec.path];
    if (method === 'POST' && post) {
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('application/x-www-form-urlencoded')) {
        throw stripeError(400, { message: `Invalid request: unsupported Content-Type ${type}.` });
      }
      const key = req.headers['idempotency-key'] as string | undefined;
      const previous = key ? idempotent.get(key) : undefined;
      if (previous) {
        if (previous.path !== rec.path || previous.rawBody !== rec.rawBody) {
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
      const ctx: RequestContext = { apiVersion, requestId: headers['request-id'], idempotencyKey: key ?? null };
      let result: unknown;
      try {
        result = post((rec.body ?? {}) as Dict, ctx);
      } catch (err) {
        // Stripe keeps the outcome of a request that started executing: a card error replays as such.
        if (key && err instanceof HttpError && err.status === 402) {
          idempotent.set(key, { path: rec.path, rawBody: rec.rawBody, status: 402, body: err.body });
        }
        throw err;
      }
      const body = structuredClone(result);
      if (key) idempotent.set(key, { path: rec.path, rawBody: rec.rawBody, status: 200, body });
      return sendJson(res, 200, body, 'application/json', headers);
    }
    // The account's balance: a harmless call to check a key (nothing is ever paid out here).
    if (method === 'GET' && rec.path === '/v1/balance') {
      const zero = [{ amount: 0, currency: 'sek', source_types: { card: 0 } }];
      return sendJson(
        res,
        200,
        { object: 'balance', available: zero, pending: zero, livemode: false },
        'application/json',
        headers,
      );
    }
    const retrieve = /^\/v1\/(checkout\/sessions|[a-z_]+)\/([^/]+)$/.exec(rec.path);
    const collection = retrieve ? RETRIEVABLE[retrieve[1]] : undefined;
    if (method === 'GET' && retrieve && collection) {
      const [store, what, param] = collection;
      const id = decodeURIComponent(retrieve[2]);
      const found = store.get(id);
      if (!found) throw noSuch(404, what, id, param);
      return sendJson(res, 200, found, 'application/json', headers);
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

  function makeEvent<T>(
    type: string,
    object: T,
    apiVersion: string,
    previous?: Dict,
    ctx?: RequestContext,
  ): FakeStripeEvent<T> {
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
      request: { id: ctx?.requestId ?? null, idempotency_key: ctx?.idempotencyKey ?? null },
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

  function completePayment(session: FakeCheckoutSession, method: string): void {
    const data = sessionIntentData.get(session.id) ?? {};
    const setupFutureUsage = (data.setup_future_usage ?? null) as FakePaymentIntent['setup_future_usage'];
    let customer = session.customer;
    if (!customer && (session.customer_creation === 'always' || setupFutureUsage)) {
      customer = newCustomer({ email: session.customer_email }).id;
    }
    const email = customer ? (customers.get(customer)?.email ?? session.customer_email) : session.customer_email;
    const pm = newPaymentMethod(method, setupFutureUsage && customer ? customer : null, email);
    const pi = newPaymentIntent({
      amount: session.amount_total!,
      amount_received: session.amount_total!,
      currency: session.currency!,
      customer,
      description: (data.description ?? null) as string | null,
      metadata: { ...((data.metadata ?? {}) as Record<string, string>) },
      payment_method: pm.id,
      payment_method_types: session.payment_method_types,
      setup_future_usage: setupFutureUsage,
      status: 'succeeded',
    });
    newCharge(pi, method);
    Object.assign(session, {
      status: 'complete',
      payment_status: 'paid',
      payment_intent: pi.id,
      customer,
      customer_details: { email, name: null },
      url: null,
    });
  }

  function completeSetup(session: FakeCheckoutSession, method: string): void {
    const data = sessionIntentData.get(session.id) ?? {};
    const customer = session.customer ? customers.get(session.customer) : undefined;
    const pm = newPaymentMethod(method, customer?.id ?? null, customer?.email ?? null);
    const id = `seti_${randomToken(24)}`;
    setupIntents.set(id, {
      id,
      object: 'setup_intent',
      allowed_payment_method_types: session.allowed_payment_method_types,
      client_secret: `${id}_secret_${randomToken(25)}`,
      created: now(),
      customer: customer?.id ?? null,
      description: (data.description ?? null) as string | null,
      excluded_payment_method_types: null,
      livemode: false,
      metadata: { ...((data.metadata ?? {}) as Record<string, string>) },
      payment_method: pm.id,
      payment_method_types: session.payment_method_types,
      status: 'succeeded',
      usage: 'off_session',
    });
    Object.assign(session, {
      status: 'complete',
      setup_intent: id,
      customer_details: { email: customer?.email ?? null, name: customer?.name ?? null },
      url: null,
    });
  }

  return {
    baseUrl,
    host: '127.0.0.1',
    port,
    requests,
    events,
    getSession: (id) => sessions.get(id),
    getPaymentIntent: (id) => paymentIntents.get(id),
    getSetupIntent: (id) => setupIntents.get(id),
    getCustomer: (id) => customers.get(id),
    paymentMethodsOf: (customerId) =>
      [...paymentMethods.values()].filter((pm) => pm.customer === customerId).map((pm) => pm.id),
    declinePaymentMethod(paymentMethodId, code = 'card_declined') {
      if (!paymentMethods.has(paymentMethodId)) throw new Error(`fake Stripe: no payment method ${paymentMethodId}`);
      if (!(code in DECLINES)) throw new Error(`fake Stripe: unknown decline ${code}`);
      declines.set(paymentMethodId, code);
    },
    completeSession(id, opts = {}) {
      const session = sessionOrThrow(id);
      const method = opts.paymentMethod ?? 'card';
      if (session.status !== 'open') throw new Error(`fake Stripe: session ${id} is ${session.status}, not open`);
      if (!session.payment_method_types.includes(method)) {
        throw new Error(`fake Stripe: session ${id} does not accept ${method}`);
      }
      if (session.mode === 'setup') completeSetup(session, method);
      else completePayment(session, method);
      return makeEvent('checkout.session.completed', session, apiVersions.get(id)!);
    },
    failSession(id, opts = {}) {
      const session = sessionOrThrow(id);
      if (session.status !== 'open') throw new Error(`fake Stripe: session ${id} is ${session.status}, not open`);
      if (opts.as === 'expired') {
        Object.assign(session, { status: 'expired', url: null });
        return makeEvent('checkout.session.expired', session, apiVersions.get(id)!);
      }
      if (session.mode === 'setup') throw new Error(`fake Stripe: a setup session ${id} has no payment to fail`);
      // A delayed-notification method: the session completed unpaid, then the payment failed.
      const data = sessionIntentData.get(id) ?? {};
      const pi = newPaymentIntent({
        amount: session.amount_total!,
        currency: session.currency!,
        customer: session.customer,
        description: (data.description ?? null) as string | null,
        metadata: { ...((data.metadata ?? {}) as Record<string, string>) },
        payment_method_types: session.payment_method_types,
      });
      Object.assign(session, {
        status: 'complete',
        payment_status: 'unpaid',
        payment_intent: pi.id,
        customer_details: { email: session.customer_email, name: null },
        url: null,
      });
      return makeEvent('checkout.session.async_payment_failed', session, apiVersions.get(id)!);
    },
    refund(id, opts = {}) {
      const session = sessionOrThrow(id);
      const pi = session.payment_intent ? paymentIntents.get(session.payment_intent) : undefined;
      const charge = pi?.latest_charge ? charges.get(pi.latest_charge) : undefined;
      if (!charge || session.payment_status !== 'paid') throw new Error(`fake Stripe: session ${id} is not paid`);
      const left = charge.amount - charge.amount_refunded;
      const amount = opts.amount ?? left;
      if (!Number.isInteger(amount) || amount < 1 || amount > left) {
        throw new Error(`fake Stripe: cannot refund ${amount} of ${left} left on ${charge.id}`);
      }
      const { previous } = refundCharge(charge, amount, { reason: null, metadata: {} });
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
