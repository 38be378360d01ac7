// Fake PayPal REST API on loopback (plain HTTP) for @paypal/paypal-server-sdk, reached through
// `unstable_httpClientOptions: { adapter: paypalAdapterFor(fake.baseUrl) }`. Implements the client-credentials
// token call, Orders v2 create/get/capture (with `payment_source.paypal`: vault on success, or charge a vaulted
// token at once), Payments v2 captures get/refund and refunds get, Vault v3 setup tokens and payment tokens,
// and webhook verification (`verify-webhook-signature`) for the events this fake delivered itself, with
// PayPal's transmission headers and error shapes. What PayPal would notify about is collected in `events`.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { HttpError, bearer, closeServer, handler, listen, postRaw, randomToken, sendHtml, sendJson } from './internal';
import type { RecordedRequest } from './internal';

export { paypalAdapterFor } from '../../../server/src/modules/payments/paypal-adapter';

export interface FakePayPalOptions {
  /** The webhook id the receiver sends to verify-webhook-signature; only it verifies. */
  webhookId: string;
  /** When set, the token call requires exactly these client credentials; otherwise any non-empty pair. */
  clientId?: string;
  clientSecret?: string;
}

export type PayPalOrderStatus = 'CREATED' | 'PAYER_ACTION_REQUIRED' | 'APPROVED' | 'COMPLETED';
export interface PayPalMoney {
  currency_code: string;
  value: string;
}
export interface PayPalLink {
  href: string;
  rel: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
}
export type PayPalCaptureStatus = 'COMPLETED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';
export interface PayPalCapture {
  id: string;
  status: PayPalCaptureStatus;
  amount: PayPalMoney;
  final_capture: true;
  seller_protection: { status: 'ELIGIBLE'; dispute_categories: string[] };
  seller_receivable_breakdown: { gross_amount: PayPalMoney; net_amount: PayPalMoney };
  custom_id?: string;
  invoice_id?: string;
  links: PayPalLink[];
  create_time: string;
  update_time: string;
}
export interface PayPalPurchaseUnit {
  reference_id: string;
  amount: PayPalMoney;
  payee: { email_address: string; merchant_id: string };
  description?: string;
  custom_id?: string;
  invoice_id?: string;
  payments?: { captures: PayPalCapture[]; refunds?: PayPalRefund[] };
}
export interface PayPalRefund {
  id: string;
  status: 'COMPLETED';
  amount: PayPalMoney;
  note_to_payer?: string;
  invoice_id?: string;
  custom_id?: string;
  seller_payable_breakdown: {
    gross_amount: PayPalMoney;
    paypal_fee: PayPalMoney;
    net_amount: PayPalMoney;
    total_refunded_amount: PayPalMoney;
  };
  create_time: string;
  update_time: string;
  /** `self` (this refund) and `up` (the refunded capture, `/v2/payments/captures/<id>`). */
  links: PayPalLink[];
}
export interface PayPalName {
  given_name: string;
  surname: string;
}
/** A PayPal wallet as the Vault v3 API shows it. */
export interface PayPalVaultWallet {
  usage_type: 'MERCHANT' | 'PLATFORM';
  customer_type: 'CONSUMER' | 'BUSINESS';
  permit_multiple_payment_tokens: boolean;
  description?: string;
  usage_pattern?: string;
  email_address?: string;
  payer_id?: string;
  name?: PayPalName;
}
export type PayPalSetupTokenStatus = 'PAYER_ACTION_REQUIRED' | 'APPROVED' | 'VAULTED';
export interface FakePayPalSetupToken {
  id: string;
  customer: { id: string };
  status: PayPalSetupTokenStatus;
  payment_source: { paypal: PayPalVaultWallet };
  links: PayPalLink[];
}
/** A vaulted PayPal wallet (payment token): usable as `payment_source.paypal.vault_id` on Orders v2. */
export interface FakePayPalPaymentToken {
  id: string;
  customer: { id: string };
  payment_source: { paypal: PayPalVaultWallet & { email_address: string; payer_id: string; name: PayPalName } };
  links: PayPalLink[];
}
export interface FakePayPalOrder {
  id: string;
  intent: 'CAPTURE';
  status: PayPalOrderStatus;
  purchase_units: PayPalPurchaseUnit[];
  payer?: { name: PayPalName; email_address: string; payer_id: string };
  payment_source?: { paypal: Record<string, unknown> };
  create_time: string;
  update_time?: string;
  links: PayPalLink[];
}
export type PayPalEventType =
  | 'CHECKOUT.ORDER.APPROVED'
  | 'CHECKOUT.ORDER.COMPLETED'
  | 'PAYMENT.CAPTURE.COMPLETED'
  | 'PAYMENT.CAPTURE.PENDING'
  | 'PAYMENT.CAPTURE.DENIED'
  | 'PAYMENT.CAPTURE.DECLINED'
  | 'PAYMENT.CAPTURE.REFUNDED'
  | 'PAYMENT.CAPTURE.REVERSED';
export interface PayPalWebhookEvent<T = unknown> {
  id: string;
  event_version: '1.0';
  create_time: string;
  resource_type: string;
  resource_version: '2.0';
  event_type: string;
  summary: string;
  resource: T;
  links: PayPalLink[];
}
export interface PayPalDelivery {
  url: string;
  eventId: string;
  valid: boolean;
  headers: Record<string, string>;
  status: number;
}

export interface FakePayPal {
  baseUrl: string;
  /** Every API request received, in order. */
  requests: RecordedRequest[];
  /** Every webhook POST made by `deliver`, in order. */
  deliveries: PayPalDelivery[];
  /**
   * The events PayPal would notify about, in order, made as `webhookEvent` does (not delivered: pass one to
   * `deliver`): `CHECKOUT.ORDER.APPROVED` (approve), `PAYMENT.CAPTURE.COMPLETED` per capture (order capture, or
   * an order charged on a vault_id), `PAYMENT.CAPTURE.REFUNDED` with the refund as resource (refund).
   */
  events: PayPalWebhookEvent[];
  getOrder(id: string): FakePayPalOrder | undefined;
  /** A capture by id, with `supplementary_data.related_ids.order_id`. */
  getCapture(id: string): (PayPalCapture & { supplementary_data: { related_ids: { order_id: string } } }) | undefined;
  /** The refunds of a capture, oldest first. */
  refundsOf(captureId: string): PayPalRefund[];
  /**
   * The buyer approved the order (what happens on PayPal's approve page); makes `CHECKOUT.ORDER.APPROVED`.
   * An order created with `attributes.vault.store_in_vault: ON_SUCCESS` vaults the wallet when captured.
   */
  approve(orderId: string): void;
  getSetupToken(id: string): FakePayPalSetupToken | undefined;
  /** The payer approved the setup token (PayPal's approve page): status `APPROVED`. */
  approveSetupToken(id: string): void;
  getVaultToken(id: string): FakePayPalPaymentToken | undefined;
  /** Every live (not deleted) payment token, oldest first. */
  vaultTokens(): FakePayPalPaymentToken[];
  /** Later orders charged on this vault_id fail with 422 UNPROCESSABLE_ENTITY / INSTRUMENT_DECLINED. */
  declineVaultToken(id: string): void;
  /** A capture of a completed order as webhook resource (with `supplementary_data.related_ids.order_id`). */
  captureOf(orderId: string): PayPalCapture & { supplementary_data: { related_ids: { order_id: string } } };
  webhookEvent<T>(type: PayPalEventType | (string & {}), resource: T): PayPalWebhookEvent<T>;
  /** POSTs `event` with PayPal's transmission headers; `valid: false` sends a signature that never verifies. */
  deliver(url: string, event: PayPalWebhookEvent, opts: { valid: boolean }): Promise<number>;
  close(): Promise<void>;
}

const ZERO_DECIMAL = new Set(['HUF', 'JPY', 'TWD']);
const UPPER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const AUTH_ALGO = 'SHA256withRSA';

interface Issue {
  issue: string;
  description: string;
  field?: string;
  value?: string;
  location?: 'body' | 'path' | 'header';
}

/** The API whose error documentation an error links to. */
type Api = 'orders/v2' | 'payments/v2' | 'payment-tokens/v3';

function paypalError(status: number, name: string, message: string, details: Issue[] = [], api: Api = 'orders/v2') {
  const links = details.length
    ? [
        {
          href: `https://developer.paypal.com/docs/api/${api}/#error-${details[0].issue}`,
          rel: 'information_link',
          method: 'GET',
        },
      ]
    : [
        {
          href: `https://developer.paypal.com/api/rest/reference/${api}/errors/`,
          rel: 'information_link',
          method: 'GET',
        },
      ];
  return new HttpError(status, {
    name,
    message,
    debug_id: randomBytes(7).toString('hex').slice(0, 13),
    details,
    links,
  });
}
const badRequest = (issue: Issue, api?: Api) =>
  paypalError(
    400,
    'INVALID_REQUEST',
    'Request is not well-formed, syntactically incorrect, or violates schema.',
    [issue],
    api,
  );
const unprocessable = (issue: Issue, api?: Api) =>
  paypalError(
    422,
    'UNPROCESSABLE_ENTITY',
    'The requested action could not be performed, semantically incorrect, or failed business validation.',
    [issue],
    api,
  );
const INVALID_ID = 'Specified resource ID does not exist. Please check the resource ID and try again.';
const notFound = (id: string, field = 'order_id', api?: Api, location: Issue['location'] = 'path') =>
  paypalError(
    404,
    'RESOURCE_NOT_FOUND',
    'The specified resource does not exist.',
    [{ field, value: id, location, issue: 'INVALID_RESOURCE_ID', description: INVALID_ID }],
    api,
  );

const MISSING = 'A required field / parameter is missing.';
const BAD_SYNTAX = 'The value of a field does not conform to the expected format.';
const BAD_VALUE = 'The value of a field is invalid.';
const ORDER_USER_ACTIONS = ['CONTINUE', 'PAY_NOW'];
const VAULT_USER_ACTIONS = ['SETUP_NOW', 'CONTINUE'];
const SHIPPING_PREFERENCES = ['GET_FROM_FILE', 'NO_SHIPPING', 'SET_PROVIDED_ADDRESS'];
const LANDING_PAGES = ['LOGIN', 'GUEST_CHECKOUT', 'NO_PREFERENCE', 'BILLING'];
const USAGE_PATTERNS = [
  'IMMEDIATE',
  'DEFERRED',
  'RECURRING_PREPAID',
  'RECURRING_POSTPAID',
  'THRESHOLD_PREPAID',
  'THRESHOLD_POSTPAID',
  'SUBSCRIPTION_PREPAID',
  'SUBSCRIPTION_POSTPAID',
  'UNSCHEDULED_PREPAID',
  'UNSCHEDULED_POSTPAID',
  'INSTALLMENT_PREPAID',
  'INSTALLMENT_POSTPAID',
];

type Body = Record<string, unknown>;
/** Checks on request fields, answering PayPal's 400 INVALID_REQUEST with the JSON-pointer `field`. */
const at = (field: string, issue: string, description: string, value?: unknown): Issue => ({
  field,
  ...(value !== undefined ? { value: String(value) } : {}),
  location: 'body',
  issue,
  description,
});
function objectAt(raw: unknown, field: string, api?: Api): Body {
  if (raw === undefined || raw === null) throw badRequest(at(field, 'MISSING_REQUIRED_PARAMETER', MISSING), api);
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw badRequest(at(field, 'INVALID_PARAMETER_SYNTAX', BAD_SYNTAX), api);
  return raw as Body;
}
function stringAt(raw: unknown, field: string, max: number, api?: Api, required = false): string | undefined {
  if (raw === undefined) {
    if (required) throw badRequest(at(field, 'MISSING_REQUIRED_PARAMETER', MISSING), api);
    return undefined;
  }
  if (typeof raw !== 'string') throw badRequest(at(field, 'INVALID_PARAMETER_SYNTAX', BAD_SYNTAX), api);
  if (raw.length === 0 || raw.length > max) {
    throw badRequest(
      at(field, 'INVALID_STRING_LENGTH', `The value of a field is either too short or too long (1..${max}).`),
      api,
    );
  }
  return raw;
}
function enumAt(raw: unknown, field: string, allowed: string[], api?: Api, required = false): string | undefined {
  if (raw === undefined && !required) return undefined;
  if (raw === undefined) throw badRequest(at(field, 'MISSING_REQUIRED_PARAMETER', MISSING), api);
  if (typeof raw !== 'string' || !allowed.includes(raw)) {
    throw badRequest(at(field, 'INVALID_PARAMETER_VALUE', BAD_VALUE, raw), api);
  }
  return raw;
}
function urlAt(raw: unknown, field: string, api?: Api, required = false): string | undefined {
  const url = stringAt(raw, field, 4000, api, required);
  if (url === undefined) return undefined;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw badRequest(at(field, 'INVALID_PARAMETER_SYNTAX', BAD_SYNTAX), api);
  return url;
}
function booleanAt(raw: unknown, field: string, api?: Api): boolean | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'boolean') throw badRequest(at(field, 'INVALID_PARAMETER_SYNTAX', BAD_SYNTAX), api);
  return raw;
}

/** `experience_context` of a wallet (order or setup token); unknown keys are ignored, as PayPal does. */
function experienceAt(raw: unknown, field: string, vault: boolean, api?: Api): void {
  if (raw === undefined && !vault) return;
  const ctx = objectAt(raw, field, api);
  urlAt(ctx.return_url, `${field}/return_url`, api, vault);
  urlAt(ctx.cancel_url, `${field}/cancel_url`, api, vault);
  stringAt(ctx.brand_name, `${field}/brand_name`, 127, api);
  const locale = stringAt(ctx.locale, `${field}/locale`, 10, api);
  if (locale !== undefined && !/^[a-z]{2}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/.test(locale)) {
    throw badRequest(at(`${field}/locale`, 'INVALID_PARAMETER_SYNTAX', BAD_SYNTAX, locale), api);
  }
  enumAt(ctx.shipping_preference, `${field}/shipping_preference`, SHIPPING_PREFERENCES, api);
  enumAt(ctx.user_action, `${field}/user_action`, vault ? VAULT_USER_ACTIONS : ORDER_USER_ACTIONS, api);
  if (vault)
    enumAt(ctx.vault_instruction, `${field}/vault_instruction`, ['ON_CREATE_PAYMENT_TOKENS', 'ON_PAYER_APPROVAL'], api);
  else enumAt(ctx.landing_page, `${field}/landing_page`, LANDING_PAGES, api);
}

/** The vault terms of a PayPal wallet: `attributes.vault` of an order, or `payment_source.paypal` of a setup token. */
function vaultTermsAt(v: Body, field: string, order: boolean, api?: Api): PayPalVaultWallet {
  if (order) enumAt(v.store_in_vault, `${field}/store_in_vault`, ['ON_SUCCESS'], api, true);
  const description = stringAt(v.description, `${field}/description`, 128, api);
  const usagePattern = enumAt(v.usage_pattern, `${field}/usage_pattern`, USAGE_PATTERNS, api);
  return {
    usage_type: enumAt(v.usage_type, `${field}/usage_type`, ['MERCHANT', 'PLATFORM'], api, true) as 'MERCHANT',
    customer_type: (enumAt(v.customer_type, `${field}/customer_type`, ['CONSUMER', 'BUSINESS'], api) ??
      'CONSUMER') as 'CONSUMER',
    permit_multiple_payment_tokens:
      booleanAt(v.permit_multiple_payment_tokens, `${field}/permit_multiple_payment_tokens`, api) ?? false,
    ...(description !== undefined ? { description } : {}),
    ...(usagePattern !== undefined ? { usage_pattern: usagePattern } : {}),
  };
}

/** One payment source of the allowed kinds, else PayPal's error. */
function onlySource(source: Body, field: string, supported: string, api?: Api): Body {
  const kinds = Object.keys(source);
  if (kinds.length === 0) throw badRequest(at(field, 'MISSING_REQUIRED_PARAMETER', MISSING), api);
  if (kinds.length > 1) {
    throw unprocessable(at(field, 'INVALID_PARAMETER_VALUE', 'Only one payment source may be given.'), api);
  }
  if (kinds[0] !== supported) {
    throw unprocessable(
      at(`${field}/${kinds[0]}`, 'NOT_SUPPORTED_BY_FAKE', `The fake PayPal implements ${field}/${supported} only.`),
      api,
    );
  }
  return objectAt(source[supported], `${field}/${supported}`, api);
}

type OrderSource = { vaultId: string } | { vault?: PayPalVaultWallet & { customerId?: string } };

/** Orders v2 `payment_source`: only `paypal`, either charging a `vault_id` or an approval flow (maybe vaulting). */
function orderSourceOf(raw: unknown): OrderSource | undefined {
  if (raw === undefined) return undefined;
  const paypal = onlySource(objectAt(raw, '/payment_source'), '/payment_source', 'paypal');
  const path = '/payment_source/paypal';
  experienceAt(paypal.experience_context, `${path}/experience_context`, false);
  stringAt(paypal.email_address, `${path}/email_address`, 254);
  const vaultId = stringAt(paypal.vault_id, `${path}/vault_id`, 255);
  if (vaultId !== undefined) return { vaultId };
  if (paypal.attributes === undefined) return {};
  const attributes = objectAt(paypal.attributes, `${path}/attributes`);
  const customer =
    attributes.customer === undefined ? {} : objectAt(attributes.customer, `${path}/attributes/customer`);
  const customerId = stringAt(customer.id, `${path}/attributes/customer/id`, 22);
  if (attributes.vault === undefined) return {};
  const vault = vaultTermsAt(objectAt(attributes.vault, `${path}/attributes/vault`), `${path}/attributes/vault`, true);
  return { vault: { ...vault, ...(customerId ? { customerId } : {}) } };
}

/** JSON with object keys sorted at every level, so a parsed-and-passed-on event hashes like the sent one. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const LOWER = '0123456789abcdefghijklmnopqrstuvwxyz';
const toMinor = (m: PayPalMoney) => Math.round(Number(m.value) * (ZERO_DECIMAL.has(m.currency_code) ? 1 : 100));
const fromMinor = (currency: string, minor: number): PayPalMoney => ({
  currency_code: currency,
  value: ZERO_DECIMAL.has(currency) ? String(minor) : (minor / 100).toFixed(2),
});

export async function startFakePayPal(options: FakePayPalOptions): Promise<FakePayPal> {
  if (!options?.webhookId) throw new Error('startFakePayPal: webhookId is required');
  const requests: RecordedRequest[] = [];
  const deliveries: PayPalDelivery[] = [];
  const orders = new Map<string, FakePayPalOrder>();
  const events: PayPalWebhookEvent[] = [];
  const orderVault = new Map<string, PayPalVaultWallet & { customerId?: string }>(); // order id -> store on success
  const captures = new Map<string, { orderId: string; capture: PayPalCapture; unit: PayPalPurchaseUnit }>();
  const refunds = new Map<string, { captureId: string; refund: PayPalRefund }>();
  const setupTokens = new Map<string, FakePayPalSetupToken>();
  const paymentTokens = new Map<string, FakePayPalPaymentToken>();
  const declinedTokens = new Set<string>();
  const tokens = new Set<string>();
  const replays = new Map<string, { status: number; body: unknown }>(); // PayPal-Request-Id + path
  const transmissions = new Map<string, { time: string; certUrl: string; valid: boolean }>();
  const signingKey = randomBytes(32);
  let baseUrl = '';

  const sign = (transmissionId: string, time: string, webhookId: string, event: unknown) =>
    createHmac('sha256', signingKey)
      .update(
        `${transmissionId}|${time}|${webhookId}|${createHash('sha256').update(canonicalJson(event)).digest('hex')}`,
      )
      .digest('base64');

  function requireToken(req: IncomingMessage): void {
    if (!req.headers.authorization) {
      throw new HttpError(401, {
        name: 'AUTHENTICATION_FAILURE',
        message: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
        links: [{ href: 'https://developer.paypal.com/docs/api/overview/#error', rel: 'information_link' }],
      });
    }
    const token = bearer(req.headers);
    if (!token || !tokens.has(token)) {
      throw new HttpError(401, { error: 'invalid_token', error_description: 'Token signature verification failed' });
    }
  }

  function requireJsonBody(req: IncomingMessage, rec: RecordedRequest, required: boolean): Record<string, unknown> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw paypalError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The server does not support the request payload’s media type.');
    }
    if (!rec.rawBody.trim()) {
      if (required) throw badRequest({ issue: 'MISSING_REQUEST_BODY', description: 'Request body is missing.' });
      return {};
    }
    if (typeof rec.body !== 'object' || rec.body === null || Array.isArray(rec.body)) {
      throw badRequest({ issue: 'MALFORMED_REQUEST_JSON', description: 'The request JSON is not well formed.' });
    }
    return rec.body as Record<string, unknown>;
  }

  function issueToken(req: IncomingMessage, rec: RecordedRequest): Record<string, unknown> {
    const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s) : [];
    const ok =
      !!id &&
      !!secret &&
      (options.clientId === undefined || id === options.clientId) &&
      (options.clientSecret === undefined || secret === options.clientSecret);
    if (!ok) throw new HttpError(401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      throw new HttpError(400, { error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' });
    }
    const grant = new URLSearchParams(rec.rawBody).get('grant_type');
    if (grant !== 'client_credentials') {
      throw new HttpError(400, {
        error: 'unsupported_grant_type',
        error_description: grant ? `unsupported grant_type` : 'Grant Type is NULL',
      });
    }
    const token = `A21AA${randomToken(92, UPPER + 'abcdefghijklmnopqrstuvwxyz-_')}`;
    tokens.add(token);
    return {
      scope: 'https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/applications/webhooks',
      access_token: token,
      token_type: 'Bearer',
      app_id: 'APP-80W284485P519543T',
      expires_in: 32400,
      nonce: `${isoNow()}${randomToken(43)}`,
    };
  }

  function amountOf(raw: unknown, path: string, api?: Api): PayPalMoney {
    if (typeof raw !== 'object' || raw === null) {
      throw badRequest(
        {
          field: path,
          location: 'body',
          issue: 'MISSING_REQUIRED_PARAMETER',
          description: 'A required field / parameter is missing.',
        },
        api,
      );
    }
    const { currency_code: currency, value } = raw as Record<string, unknown>;
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
      throw badRequest(
        {
          field: `${path}/currency_code`,
          location: 'body',
          issue: 'INVALID_PARAMETER_SYNTAX',
          description: 'The value of a field does not conform to the expected format.',
        },
        api,
      );
    }
    if (typeof value !== 'string' || !/^-?(\d+|\d*\.\d+)$/.test(value) || value.length > 32) {
      throw badRequest(
        {
          field: `${path}/value`,
          location: 'body',
          issue: 'INVALID_PARAMETER_SYNTAX',
          description: 'The value of a field does not conform to the expected format.',
        },
        api,
      );
    }
    const decimals = value.split('.')[1]?.length ?? 0;
    if (decimals > (ZERO_DECIMAL.has(currency) ? 0 : 2)) {
      throw unprocessable(
        {
          field: `${path}/value`,
          location: 'body',
          issue: 'DECIMAL_PRECISION',
          description: 'If the currency supports decimals, only two decimal place precision is supported.',
        },
        api,
      );
    }
    if (!(Number(value) > 0)) {
      throw unprocessable(
        {
          field: `${path}/value`,
          location: 'body',
          issue: 'CANNOT_BE_ZERO_OR_NEGATIVE',
          description: 'Must be greater than zero.',
        },
        api,
      );
    }
    return { currency_code: currency, value };
  }

  function orderLinks(order: FakePayPalOrder): PayPalLink[] {
    const self = `${baseUrl}/v2/checkout/orders/${order.id}`;
    const links: PayPalLink[] = [{ href: self, rel: 'self', method: 'GET' }];
    if (order.status === 'CREATED')
      links.push({ href: `${baseUrl}/checkoutnow?token=${order.id}`, rel: 'approve', method: 'GET' });
    if (order.status === 'PAYER_ACTION_REQUIRED') {
      links.push({ href: `${baseUrl}/checkoutnow?token=${order.id}`, rel: 'payer-action', method: 'GET' });
    }
    if (order.status !== 'COMPLETED') {
      links.push(
        { href: self, rel: 'update', method: 'PATCH' },
        { href: `${self}/capture`, rel: 'capture', method: 'POST' },
      );
    }
    return links;
  }

  function createOrder(body: Record<string, unknown>): FakePayPalOrder {
    if (body.intent === undefined) {
      throw badRequest({
        field: '/intent',
        location: 'body',
        issue: 'MISSING_REQUIRED_PARAMETER',
        description: 'A required field / parameter is missing.',
      });
    }
    if (body.intent !== 'CAPTURE') {
      const known = body.intent === 'AUTHORIZE';
      const issue = { field: '/intent', value: String(body.intent), location: 'body' as const };
      if (known)
        throw unprocessable({
          ...issue,
          issue: 'NOT_SUPPORTED_BY_FAKE',
          description: 'The fake PayPal implements intent CAPTURE only.',
        });
      throw badRequest({ ...issue, issue: 'INVALID_PARAMETER_VALUE', description: 'The value of a field is invalid.' });
    }
    const units = body.purchase_units;
    if (!Array.isArray(units) || units.length === 0) {
      throw badRequest({
        field: '/purchase_units',
        location: 'body',
        issue: 'MISSING_REQUIRED_PARAMETER',
        description: 'A required field / parameter is missing.',
      });
    }
    if (units.length > 10) {
      throw badRequest({
        field: '/purchase_units',
        location: 'body',
        issue: 'INVALID_ARRAY_MAX_ITEMS',
        description: 'The number of items in an array parameter is too large.',
      });
    }
    const seen = new Set<string>();
    const purchaseUnits = units.map((raw, i): PayPalPurchaseUnit => {
      const path = `/purchase_units/${i}`;
      const unit = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      const amount = amountOf(unit.amount, `${path}/amount`);
      const ref = unit.reference_id ?? (units.length === 1 ? 'default' : undefined);
      if (typeof ref !== 'string' || ref === '') {
        throw unprocessable({
          field: `${path}/reference_id`,
          location: 'body',
          issue: 'REFERENCE_ID_REQUIRED',
          description: "'reference_id' is required for each 'purchase_unit' if multiple 'purchase_unit' are provided.",
        });
      }
      if (seen.has(ref) || ref.length > 256) {
        throw unprocessable({
          field: `${path}/reference_id`,
          value: ref,
          location: 'body',
          issue: 'DUPLICATE_REFERENCE_ID',
          description: "'reference_id' must be unique and at most 256 characters.",
        });
      }
      seen.add(ref);
      for (const [field, max] of [
        ['custom_id', 127],
        ['invoice_id', 127],
        ['description', 127],
      ] as const) {
        const v = unit[field];
        if (v !== undefined && (typeof v !== 'string' || v.length === 0 || v.length > max)) {
          throw badRequest({
            field: `${path}/${field}`,
            location: 'body',
            issue: 'INVALID_STRING_LENGTH',
            description: `The value of a field is either too short or too long (1..${max}).`,
          });
        }
      }
      return {
        reference_id: ref,
        amount,
        payee: { email_address: 'merchant@example.com', merchant_id: 'FAKEMERCHANT1' },
        ...(unit.description ? { description: unit.description as string } : {}),
        ...(unit.custom_id ? { custom_id: unit.custom_id as string } : {}),
        ...(unit.invoice_id ? { invoice_id: unit.invoice_id as string } : {}),
      };
    });
    const source = orderSourceOf(body.payment_source);
    const token = source && 'vaultId' in source ? usableToken(source.vaultId) : undefined;
    const order: FakePayPalOrder = {
      id: randomToken(17, UPPER),
      intent: 'CAPTURE',
      // With a payment source PayPal asks the payer through a `payer-action` link instead of `approve`.
      status: source === undefined ? 'CREATED' : 'PAYER_ACTION_REQUIRED',
      purchase_units: purchaseUnits,
      ...(source ? { payment_source: { paypal: {} } } : {}),
      create_time: isoNow(),
      links: [],
    };
    if (source && 'vault' in source && source.vault) orderVault.set(order.id, source.vault);
    order.links = orderLinks(order);
    orders.set(order.id, order);
    if (token) chargeVaulted(order, token);
    return order;
  }

  /** A payment token a vault_id may charge, or PayPal's 422. */
  function usableToken(vaultId: string): FakePayPalPaymentToken {
    const token = paymentTokens.get(vaultId);
    if (!token) {
      throw unprocessable(at('/payment_source/paypal/vault_id', 'INVALID_RESOURCE_ID', INVALID_ID, vaultId));
    }
    if (declinedTokens.has(vaultId)) {
      throw unprocessable({
        issue: 'INSTRUMENT_DECLINED',
        description:
          "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
      });
    }
    return token;
  }

  /** An order on a vaulted wallet needs no payer: it is approved and captured at once. */
  function chargeVaulted(order: FakePayPalOrder, token: FakePayPalPaymentToken): void {
    const { email_address, payer_id, name } = token.payment_source.paypal;
    order.payer = { name: { ...name }, email_address, payer_id };
    order.payment_source = {
      paypal: {
        email_address,
        account_id: payer_id,
        account_status: 'VERIFIED',
        name: { ...name },
        attributes: { vault: { id: token.id, customer: { id: token.customer.id } } },
      },
    };
    captureUnits(order);
  }

  function tokenLinks(id: string): PayPalLink[] {
    const self = `${baseUrl}/v3/vault/payment-tokens/${id}`;
    return [
      { href: self, rel: 'self', method: 'GET' },
      { href: self, rel: 'delete', method: 'DELETE' },
    ];
  }

  function newPaymentToken(
    customerId: string,
    terms: PayPalVaultWallet,
    payer: { email_address: string; payer_id: string; name: PayPalName },
  ): FakePayPalPaymentToken {
    const id = randomToken(7, LOWER);
    const { usage_type, customer_type, permit_multiple_payment_tokens, description, usage_pattern } = terms;
    const token: FakePayPalPaymentToken = {
      id,
      customer: { id: customerId },
      payment_source: {
        paypal: {
          ...(description !== undefined ? { description } : {}),
          ...(usage_pattern !== undefined ? { usage_pattern } : {}),
          usage_type,
          customer_type,
          permit_multiple_payment_tokens,
          email_address: payer.email_address,
          payer_id: payer.payer_id,
          name: { ...payer.name },
        },
      },
      links: tokenLinks(id),
    };
    paymentTokens.set(id, token);
    return token;
  }

  function setupLinks(token: FakePayPalSetupToken): PayPalLink[] {
    const links: PayPalLink[] = [];
    if (token.status === 'PAYER_ACTION_REQUIRED') {
      links.push({
        href: `${baseUrl}/agreements/approve?approval_session_id=${token.id}`,
        rel: 'approve',
        method: 'GET',
      });
    }
    if (token.status !== 'VAULTED') {
      links.push({ href: `${baseUrl}/v3/vault/payment-tokens`, rel: 'confirm', method: 'POST' });
    }
    links.push({ href: `${baseUrl}/v3/vault/setup-tokens/${token.id}`, rel: 'self', method: 'GET' });
    return links;
  }

  function createSetupToken(body: Body): FakePayPalSetupToken {
    const api: Api = 'payment-tokens/v3';
    const paypal = onlySource(objectAt(body.payment_source, '/payment_source', api), '/payment_source', 'paypal', api);
    const terms = vaultTermsAt(paypal, '/payment_source/paypal', false, api);
    experienceAt(paypal.experience_context, '/payment_source/paypal/experience_context', true, api);
    const customer = body.customer === undefined ? {} : objectAt(body.customer, '/customer', api);
    const customerId = stringAt(customer.id, '/customer/id', 22, api) ?? randomToken(10);
    const token: FakePayPalSetupToken = {
      id: randomToken(17, UPPER),
      customer: { id: customerId },
      status: 'PAYER_ACTION_REQUIRED',
      payment_source: { paypal: terms },
      links: [],
    };
    token.links = setupLinks(token);
    setupTokens.set(token.id, token);
    return token;
  }

  function createPaymentToken(body: Body): FakePayPalPaymentToken {
    const api: Api = 'payment-tokens/v3';
    const ref = onlySource(objectAt(body.payment_source, '/payment_source', api), '/payment_source', 'token', api);
    const id = stringAt(ref.id, '/payment_source/token/id', 36, api, true)!;
    enumAt(ref.type, '/payment_source/token/type', ['SETUP_TOKEN'], api, true);
    const setup = setupTokens.get(id);
    if (!setup) throw notFound(id, '/payment_source/token/id', api, 'body');
    if (setup.status !== 'APPROVED') {
      throw unprocessable(
        setup.status === 'VAULTED'
          ? {
              issue: 'SETUP_TOKEN_ALREADY_USED',
              description: 'The setup token was already used to create a payment token.',
            }
          : { issue: 'SETUP_TOKEN_NOT_APPROVED', description: 'The setup token has not been approved by the payer.' },
        api,
      );
    }
    const wallet = setup.payment_source.paypal;
    const token = newPaymentToken(setup.customer.id, wallet, {
      email_address: wallet.email_address!,
      payer_id: wallet.payer_id!,
      name: wallet.name!,
    });
    setup.status = 'VAULTED';
    setup.links = setupLinks(setup);
    return token;
  }

  function refundCapture(captureId: string, body: Body): PayPalRefund {
    const api: Api = 'payments/v2';
    const entry = captures.get(captureId);
    if (!entry) throw notFound(captureId, 'capture_id', api);
    const { capture, unit } = entry;
    if (capture.status === 'REFUNDED') {
      throw unprocessable(
        { issue: 'CAPTURE_FULLY_REFUNDED', description: 'The capture has already been fully refunded.' },
        api,
      );
    }
    const currency = capture.amount.currency_code;
    const done = (unit.payments?.refunds ?? [])
      .filter((r) => r.links.some((l) => l.rel === 'up' && l.href.endsWith(`/${captureId}`)))
      .reduce((sum, r) => sum + toMinor(r.amount), 0);
    const left = toMinor(capture.amount) - done;
    const amount = body.amount === undefined ? fromMinor(currency, left) : amountOf(body.amount, '/amount', api);
    if (amount.currency_code !== currency) {
      throw unprocessable(
        at(
          '/amount/currency_code',
          'REFUND_CAPTURE_CURRENCY_MISMATCH',
          'Refund must be in the same currency as the capture.',
          amount.currency_code,
        ),
        api,
      );
    }
    if (toMinor(amount) > left) {
      throw unprocessable(
        at(
          '/amount/value',
          'REFUND_AMOUNT_EXCEEDED',
          'The refund amount must be less than or equal to the capture amount that has not yet been refunded.',
          amount.value,
        ),
        api,
      );
    }
    const note = stringAt(body.note_to_payer, '/note_to_payer', 255, api);
    const invoiceId = stringAt(body.invoice_id, '/invoice_id', 127, api);
    const customId = stringAt(body.custom_id, '/custom_id', 127, api);
    const now = isoNow();
    const id = randomToken(17, UPPER);
    const refund: PayPalRefund = {
      id,
      status: 'COMPLETED',
      amount,
      ...(note !== undefined ? { note_to_payer: note } : {}),
      ...(invoiceId !== undefined ? { invoice_id: invoiceId } : {}),
      ...(customId !== undefined ? { custom_id: customId } : {}),
      seller_payable_breakdown: {
        gross_amount: { ...amount },
        paypal_fee: fromMinor(currency, 0),
        net_amount: { ...amount },
        total_refunded_amount: fromMinor(currency, done + toMinor(amount)),
      },
      create_time: now,
      update_time: now,
      links: [
        { href: `${baseUrl}/v2/payments/refunds/${id}`, rel: 'self', method: 'GET' },
        { href: `${baseUrl}/v2/payments/captures/${captureId}`, rel: 'up', method: 'GET' },
      ],
    };
    refunds.set(id, { captureId, refund });
    unit.payments!.refunds = [...(unit.payments!.refunds ?? []), refund];
    capture.status = done + toMinor(amount) === toMinor(capture.amount) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    capture.update_time = now;
    orders.get(entry.orderId)!.update_time = now;
    emit('PAYMENT.CAPTURE.REFUNDED', refund);
    return refund;
  }

  const captureResource = (orderId: string, capture: PayPalCapture) => ({
    ...structuredClone(capture),
    supplementary_data: { related_ids: { order_id: orderId } },
  });

  function captureOrder(id: string): FakePayPalOrder {
    const order = orders.get(id);
    if (!order) throw notFound(id);
    if (order.status === 'COMPLETED') {
      throw unprocessable({
        issue: 'ORDER_ALREADY_CAPTURED',
        description: "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.",
      });
    }
    if (order.status !== 'APPROVED') {
      throw unprocessable({
        issue: 'ORDER_NOT_APPROVED',
        description:
          "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
      });
    }
    captureUnits(order);
    const vault = orderVault.get(order.id);
    if (vault) vaultFromOrder(order, vault);
    return order;
  }

  /** Stores the approved wallet as a payment token and shows it in the order, as `store_in_vault: ON_SUCCESS` does. */
  function vaultFromOrder(order: FakePayPalOrder, vault: PayPalVaultWallet & { customerId?: string }): void {
    const { customerId, ...terms } = vault;
    const token = newPaymentToken(customerId ?? randomToken(10), terms, order.payer!);
    const paypal = order.payment_source!.paypal;
    paypal.attributes = {
      vault: {
        id: token.id,
        status: 'VAULTED',
        customer: { id: token.customer.id },
        links: [
          ...tokenLinks(token.id),
          { href: `${baseUrl}/v2/checkout/orders/${order.id}`, rel: 'up', method: 'GET' },
        ],
      },
    };
  }

  /** Captures every purchase unit of an approved order in full; makes PAYMENT.CAPTURE.COMPLETED for each. */
  function captureUnits(order: FakePayPalOrder): void {
    const id = order.id;
    const now = isoNow();
    for (const unit of order.purchase_units) {
      const captureId = randomToken(17, UPPER);
      const capture: PayPalCapture = {
        id: captureId,
        status: 'COMPLETED',
        amount: { ...unit.amount },
        final_capture: true,
        seller_protection: {
          status: 'ELIGIBLE',
          dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'],
        },
        seller_receivable_breakdown: { gross_amount: { ...unit.amount }, net_amount: { ...unit.amount } },
        ...(unit.custom_id ? { custom_id: unit.custom_id } : {}),
        ...(unit.invoice_id ? { invoice_id: unit.invoice_id } : {}),
        links: [
          { href: `${baseUrl}/v2/payments/captures/${captureId}`, rel: 'self', method: 'GET' },
          { href: `${baseUrl}/v2/payments/captures/${captureId}/refund`, rel: 'refund', method: 'POST' },
          { href: `${baseUrl}/v2/checkout/orders/${id}`, rel: 'up', method: 'GET' },
        ],
        create_time: now,
        update_time: now,
      };
      unit.payments = { captures: [capture] };
      captures.set(captureId, { orderId: id, capture, unit });
    }
    order.status = 'COMPLETED';
    order.update_time = now;
    order.links = orderLinks(order);
    for (const unit of order.purchase_units) {
      emit('PAYMENT.CAPTURE.COMPLETED', captureResource(id, unit.payments!.captures[0]));
    }
  }

  /** Orders answer with `Prefer: return=minimal` (PayPal's default) unless `return=representation` was asked. */
  function view(order: FakePayPalOrder, req: IncomingMessage, captured: boolean): unknown {
    if (/return=representation/.test(String(req.headers.prefer ?? ''))) return structuredClone(order);
    if (!captured) return { id: order.id, status: order.status, links: structuredClone(order.links) };
    return structuredClone({
      id: order.id,
      status: order.status,
      payment_source: order.payment_source,
      purchase_units: order.purchase_units.map((u) => ({ reference_id: u.reference_id, payments: u.payments })),
      payer: order.payer,
      links: order.links,
    });
  }

  /** Answers with the stored reply when PayPal-Request-Id was already used for this path. */
  function idempotent(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    run: () => { status: number; body: unknown },
  ): void {
    const requestId = req.headers['paypal-request-id'] as string | undefined;
    const key = requestId ? `${path} ${requestId}` : undefined;
    const stored = key ? replays.get(key) : undefined;
    const reply = stored ?? run();
    if (key && !stored) replays.set(key, reply);
    sendJson(res, stored ? 200 : reply.status, reply.body, 'application/json', {
      'paypal-debug-id': randomBytes(7).toString('hex'),
    });
  }

  function verify(body: Record<string, unknown>): 'SUCCESS' | 'FAILURE' {
    const fields = ['auth_algo', 'cert_url', 'transmission_id', 'transmission_sig', 'transmission_time', 'webhook_id'];
    const blank = fields.filter((f) => typeof body[f] !== 'string' || body[f] === '');
    if (typeof body.webhook_event !== 'object' || body.webhook_event === null) blank.push('webhook_event');
    if (blank.length) {
      throw new HttpError(400, {
        name: 'VALIDATION_ERROR',
        message: 'Invalid request - see details',
        debug_id: randomBytes(7).toString('hex').slice(0, 13),
        information_link: 'https://developer.paypal.com/docs/api/webhooks/#errors',
        details: blank.map((field) => ({ field, location: 'body', issue: 'Required field cannot be blank' })),
        links: [],
      });
    }
    const b = body as Record<string, string>;
    const sent = transmissions.get(b.transmission_id);
    if (!sent?.valid || b.webhook_id !== options.webhookId || b.auth_algo !== AUTH_ALGO) return 'FAILURE';
    if (b.cert_url !== sent.certUrl || b.transmission_time !== sent.time) return 'FAILURE';
    const expected = Buffer.from(sign(b.transmission_id, b.transmission_time, b.webhook_id, body.webhook_event));
    const given = Buffer.from(b.transmission_sig);
    return expected.length === given.length && timingSafeEqual(expected, given) ? 'SUCCESS' : 'FAILURE';
  }

  const route = (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest) => {
    const { method, path } = rec;
    if (method === 'GET' && path === '/checkoutnow') {
      return sendHtml(res, `<!doctype html><title>Fake PayPal</title><h1>Approve order ${rec.query.token ?? ''}</h1>`);
    }
    if (method === 'GET' && path === '/agreements/approve') {
      const session = rec.query.approval_session_id ?? '';
      return sendHtml(res, `<!doctype html><title>Fake PayPal</title><h1>Save PayPal for ${session}</h1>`);
    }
    if (method === 'POST' && path === '/v1/oauth2/token') return sendJson(res, 200, issueToken(req, rec));
    requireToken(req);
    if (method === 'POST' && path === '/v2/checkout/orders') {
      const body = requireJsonBody(req, rec, true);
      return idempotent(req, res, path, () => {
        const order = createOrder(body);
        // An order charged on a vault_id is captured already: its minimal answer names the capture.
        return { status: 201, body: view(order, req, order.status === 'COMPLETED') };
      });
    }
    const get = /^\/v2\/checkout\/orders\/([^/]+)$/.exec(path);
    if (method === 'GET' && get) {
      const order = orders.get(decodeURIComponent(get[1]));
      if (!order) throw notFound(get[1]);
      return sendJson(res, 200, order);
    }
    const capture = /^\/v2\/checkout\/orders\/([^/]+)\/capture$/.exec(path);
    if (method === 'POST' && capture) {
      requireJsonBody(req, rec, false);
      const id = decodeURIComponent(capture[1]);
      return idempotent(req, res, path, () => ({ status: 201, body: view(captureOrder(id), req, true) }));
    }
    const refund = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(path);
    if (method === 'POST' && refund) {
      const body = requireJsonBody(req, rec, false);
      const id = decodeURIComponent(refund[1]);
      return idempotent(req, res, path, () => {
        const made = refundCapture(id, body);
        const full = /return=representation/.test(String(req.headers.prefer ?? ''));
        return {
          status: 201,
          body: full ? structuredClone(made) : { id: made.id, status: made.status, links: made.links },
        };
      });
    }
    const getCapture = /^\/v2\/payments\/captures\/([^/]+)$/.exec(path);
    if (method === 'GET' && getCapture) {
      const entry = captures.get(decodeURIComponent(getCapture[1]));
      if (!entry) throw notFound(getCapture[1], 'capture_id', 'payments/v2');
      return sendJson(res, 200, captureResource(entry.orderId, entry.capture));
    }
    const getRefund = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && getRefund) {
      const entry = refunds.get(decodeURIComponent(getRefund[1]));
      if (!entry) throw notFound(getRefund[1], 'refund_id', 'payments/v2');
      return sendJson(res, 200, entry.refund);
    }
    if (method === 'POST' && path === '/v3/vault/setup-tokens') {
      const body = requireJsonBody(req, rec, true);
      return idempotent(req, res, path, () => ({ status: 201, body: structuredClone(createSetupToken(body)) }));
    }
    const setup = /^\/v3\/vault\/setup-tokens\/([^/]+)$/.exec(path);
    if (method === 'GET' && setup) {
      const token = setupTokens.get(decodeURIComponent(setup[1]));
      if (!token) throw notFound(setup[1], 'id', 'payment-tokens/v3');
      return sendJson(res, 200, token);
    }
    if (method === 'POST' && path === '/v3/vault/payment-tokens') {
      const body = requireJsonBody(req, rec, true);
      return idempotent(req, res, path, () => ({ status: 201, body: structuredClone(createPaymentToken(body)) }));
    }
    if (method === 'GET' && path === '/v3/vault/payment-tokens') {
      const customerId = rec.query.customer_id;
      if (!customerId) throw badRequest(at('customer_id', 'MISSING_REQUIRED_PARAMETER', MISSING), 'payment-tokens/v3');
      const own = [...paymentTokens.values()].filter((t) => t.customer.id === customerId);
      return sendJson(res, 200, {
        customer: { id: customerId },
        payment_tokens: own,
        total_items: own.length,
        total_pages: 1,
        links: [
          { href: `${baseUrl}${path}?customer_id=${encodeURIComponent(customerId)}`, rel: 'self', method: 'GET' },
        ],
      });
    }
    const paymentToken = /^\/v3\/vault\/payment-tokens\/([^/]+)$/.exec(path);
    if ((method === 'GET' || method === 'DELETE') && paymentToken) {
      const id = decodeURIComponent(paymentToken[1]);
      const token = paymentTokens.get(id);
      if (!token) throw notFound(paymentToken[1], 'id', 'payment-tokens/v3');
      if (method === 'GET') return sendJson(res, 200, token);
      paymentTokens.delete(id);
      res.writeHead(204, { 'paypal-debug-id': randomBytes(7).toString('hex') }).end();
      return;
    }
    if (method === 'POST' && path === '/v1/notifications/verify-webhook-signature') {
      return sendJson(res, 200, { verification_status: verify(requireJsonBody(req, rec, true)) });
    }
    throw paypalError(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.');
  };

  const server = http.createServer(
    handler(
      requests,
      (raw, req) => (String(req.headers['content-type']).startsWith('application/json') ? JSON.parse(raw) : raw),
      route,
      (err) => ({
        status: 500,
        body: { name: 'INTERNAL_SERVER_ERROR', message: `Fake PayPal failed: ${String(err)}` },
      }),
    ),
  );
  const port = await listen(server);
  baseUrl = `http://127.0.0.1:${port}`;

  function orderOrThrow(id: string): FakePayPalOrder {
    const order = orders.get(id);
    if (!order) throw new Error(`fake PayPal: no order ${id}`);
    return order;
  }

  function makeEvent<T>(type: string, resource: T): PayPalWebhookEvent<T> {
    if (!/^[A-Z]+(\.[A-Z_]+)+$/.test(type)) throw new Error(`fake PayPal: not an event type: ${type}`);
    const id = `WH-${randomToken(17, UPPER)}-${randomToken(17, UPPER)}`;
    const kind = type.startsWith('CHECKOUT.ORDER')
      ? 'checkout-order'
      : /^PAYMENT\.CAPTURE\.(REFUNDED|REVERSED)$/.test(type)
        ? 'refund'
        : type.split('.')[1].toLowerCase();
    return {
      id,
      event_version: '1.0',
      create_time: isoNow(),
      resource_type: kind,
      resource_version: '2.0',
      event_type: type,
      summary: `${type} (fake PayPal)`,
      resource: structuredClone(resource),
      links: [
        { href: `${baseUrl}/v1/notifications/webhooks-events/${id}`, rel: 'self', method: 'GET' },
        { href: `${baseUrl}/v1/notifications/webhooks-events/${id}/resend`, rel: 'resend', method: 'POST' },
      ],
    };
  }

  /** An event PayPal would send on its own for what just happened. */
  function emit(type: string, resource: unknown): void {
    events.push(makeEvent(type, resource));
  }

  return {
    baseUrl,
    requests,
    deliveries,
    events,
    getOrder: (id) => orders.get(id),
    getCapture(id) {
      const entry = captures.get(id);
      return entry ? captureResource(entry.orderId, entry.capture) : undefined;
    },
    refundsOf: (captureId) => [...refunds.values()].filter((r) => r.captureId === captureId).map((r) => r.refund),
    getSetupToken: (id) => setupTokens.get(id),
    approveSetupToken(id) {
      const token = setupTokens.get(id);
      if (!token) throw new Error(`fake PayPal: no setup token ${id}`);
      if (token.status !== 'PAYER_ACTION_REQUIRED') {
        throw new Error(`fake PayPal: setup token ${id} is ${token.status}, cannot approve`);
      }
      Object.assign(token.payment_source.paypal, {
        email_address: 'buyer@example.com',
        payer_id: randomToken(13, UPPER),
        name: { given_name: 'Test', surname: 'Buyer' },
      });
      token.status = 'APPROVED';
      token.links = setupLinks(token);
    },
    getVaultToken: (id) => paymentTokens.get(id),
    vaultTokens: () => [...paymentTokens.values()],
    declineVaultToken(id) {
      if (!paymentTokens.has(id)) throw new Error(`fake PayPal: no payment token ${id}`);
      declinedTokens.add(id);
    },
    approve(orderId) {
      const order = orderOrThrow(orderId);
      if (order.status !== 'CREATED' && order.status !== 'PAYER_ACTION_REQUIRED') {
        throw new Error(`fake PayPal: order ${orderId} is ${order.status}, cannot approve`);
      }
      const payerId = randomToken(13, UPPER);
      const name = { given_name: 'Test', surname: 'Buyer' };
      order.status = 'APPROVED';
      order.payer = { name, email_address: 'buyer@example.com', payer_id: payerId };
      order.payment_source = {
        paypal: {
          email_address: 'buyer@example.com',
          account_id: payerId,
          account_status: 'VERIFIED',
          name,
          // Vaulting waits for the capture: until then the wallet is only approved for it.
          ...(orderVault.has(orderId) ? { attributes: { vault: { status: 'APPROVED' } } } : {}),
        },
      };
      order.update_time = isoNow();
      order.links = orderLinks(order);
      emit('CHECKOUT.ORDER.APPROVED', order);
    },
    captureOf(orderId) {
      const capture = orderOrThrow(orderId).purchase_units[0].payments?.captures[0];
      if (!capture) throw new Error(`fake PayPal: order ${orderId} has no capture`);
      return { ...structuredClone(capture), supplementary_data: { related_ids: { order_id: orderId } } };
    },
    webhookEvent: (type, resource) => makeEvent(type, resource),
    async deliver(url, event, opts) {
      const transmissionId = randomUUID();
      const time = isoNow();
      const certUrl = `${baseUrl}/v1/notifications/certs/CERT-360caa42-fca2a594-${randomToken(8).toLowerCase()}`;
      const signature = opts.valid
        ? sign(transmissionId, time, options.webhookId, event)
        : randomBytes(32).toString('base64');
      transmissions.set(transmissionId, { time, certUrl, valid: opts.valid });
      const headers = {
        'content-type': 'application/json',
        'paypal-transmission-id': transmissionId,
        'paypal-transmission-time': time,
        'paypal-transmission-sig': signature,
        'paypal-cert-url': certUrl,
        'paypal-auth-algo': AUTH_ALGO,
        'paypal-auth-version': 'v2',
        'user-agent': 'PayPal/AUHD-214.0-58254452',
      };
      const { status } = await postRaw(url, JSON.stringify(event), headers);
      deliveries.push({ url, eventId: event.id, valid: opts.valid, headers, status });
      return status;
    },
    close: () => closeServer(server),
  };
}
