// Fake PayPal REST API on loopback (plain HTTP) for @paypal/paypal-server-sdk, reached through
// `unstable_httpClientOptions: { adapter: paypalAdapterFor(fake.baseUrl) }`. Implements the client-credentials
// token call, Orders v2 create/get/capture, and webhook verification (`verify-webhook-signature`) for the
// events this fake delivered itself, with PayPal's transmission headers and error shapes.
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
  method: 'GET' | 'POST' | 'PATCH';
}
export interface PayPalCapture {
  id: string;
  status: 'COMPLETED';
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
  payments?: { captures: PayPalCapture[] };
}
export interface FakePayPalOrder {
  id: string;
  intent: 'CAPTURE';
  status: PayPalOrderStatus;
  purchase_units: PayPalPurchaseUnit[];
  payer?: { name: { given_name: string; surname: string }; email_address: string; payer_id: string };
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
  getOrder(id: string): FakePayPalOrder | undefined;
  /** The buyer approved the order (what happens on PayPal's approve page). */
  approve(orderId: string): void;
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

function paypalError(status: number, name: string, message: string, details: Issue[] = []): HttpError {
  const links = details.length
    ? [
        {
          href: `https://developer.paypal.com/docs/api/orders/v2/#error-${details[0].issue}`,
          rel: 'information_link',
          method: 'GET',
        },
      ]
    : [
        {
          href: 'https://developer.paypal.com/api/rest/reference/orders/v2/errors/',
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
const badRequest = (issue: Issue) =>
  paypalError(400, 'INVALID_REQUEST', 'Request is not well-formed, syntactically incorrect, or violates schema.', [
    issue,
  ]);
const unprocessable = (issue: Issue) =>
  paypalError(
    422,
    'UNPROCESSABLE_ENTITY',
    'The requested action could not be performed, semantically incorrect, or failed business validation.',
    [issue],
  );
const notFound = (id: string) =>
  paypalError(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.', [
    {
      field: 'order_id',
      value: id,
      location: 'path',
      issue: 'INVALID_RESOURCE_ID',
      description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
    },
  ]);

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

export async function startFakePayPal(options: FakePayPalOptions): Promise<FakePayPal> {
  if (!options?.webhookId) throw new Error('startFakePayPal: webhookId is required');
  const requests: RecordedRequest[] = [];
  const deliveries: PayPalDelivery[] = [];
  const orders = new Map<string, FakePayPalOrder>();
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

  function amountOf(raw: unknown, path: string): PayPalMoney {
    if (typeof raw !== 'object' || raw === null) {
      throw badRequest({
        field: path,
        location: 'body',
        issue: 'MISSING_REQUIRED_PARAMETER',
        description: 'A required field / parameter is missing.',
      });
    }
    const { currency_code: currency, value } = raw as Record<string, unknown>;
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
      throw badRequest({
        field: `${path}/currency_code`,
        location: 'body',
        issue: 'INVALID_PARAMETER_SYNTAX',
        description: 'The value of a field does not conform to the expected format.',
      });
    }
    if (typeof value !== 'string' || !/^-?(\d+|\d*\.\d+)$/.test(value) || value.length > 32) {
      throw badRequest({
        field: `${path}/value`,
        location: 'body',
        issue: 'INVALID_PARAMETER_SYNTAX',
        description: 'The value of a field does not conform to the expected format.',
      });
    }
    const decimals = value.split('.')[1]?.length ?? 0;
    if (decimals > (ZERO_DECIMAL.has(currency) ? 0 : 2)) {
      throw unprocessable({
        field: `${path}/value`,
        location: 'body',
        issue: 'DECIMAL_PRECISION',
        description: 'If the currency supports decimals, only two decimal place precision is supported.',
      });
    }
    if (!(Number(value) > 0)) {
      throw unprocessable({
        field: `${path}/value`,
        location: 'body',
        issue: 'CANNOT_BE_ZERO_OR_NEGATIVE',
        description: 'Must be greater than zero.',
      });
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
    const order: FakePayPalOrder = {
      id: randomToken(17, UPPER),
      intent: 'CAPTURE',
      status: body.payment_source === undefined ? 'CREATED' : 'PAYER_ACTION_REQUIRED',
      purchase_units: purchaseUnits,
      create_time: isoNow(),
      links: [],
    };
    order.links = orderLinks(order);
    orders.set(order.id, order);
    return order;
  }

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
    }
    order.status = 'COMPLETED';
    order.update_time = now;
    order.links = orderLinks(order);
    return order;
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
    if (method === 'POST' && path === '/v1/oauth2/token') return sendJson(res, 200, issueToken(req, rec));
    requireToken(req);
    if (method === 'POST' && path === '/v2/checkout/orders') {
      const body = requireJsonBody(req, rec, true);
      return idempotent(req, res, path, () => ({ status: 201, body: view(createOrder(body), req, false) }));
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

  return {
    baseUrl,
    requests,
    deliveries,
    getOrder: (id) => orders.get(id),
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
        paypal: { email_address: 'buyer@example.com', account_id: payerId, account_status: 'VERIFIED', name },
      };
      order.update_time = isoNow();
      order.links = orderLinks(order);
    },
    captureOf(orderId) {
      const capture = orderOrThrow(orderId).purchase_units[0].payments?.captures[0];
      if (!capture) throw new Error(`fake PayPal: order ${orderId} has no capture`);
      return { ...structuredClone(capture), supplementary_data: { related_ids: { order_id: orderId } } };
    },
    webhookEvent(type, resource) {
      if (!/^[A-Z]+(\.[A-Z_]+)+$/.test(type)) throw new Error(`fake PayPal: not an event type: ${type}`);
      const id = `WH-${randomToken(17, UPPER)}-${randomToken(17, UPPER)}`;
      const kind = type.startsWith('CHECKOUT.ORDER') ? 'checkout-order' : type.split('.')[1].toLowerCase();
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
    },
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
