// Fake Mollie Payments API on loopback over HTTPS (self-signed; the test process, not this module, sets
// NODE_TLS_REJECT_UNAUTHORIZED=0) for `createMollieClient({ apiKey: 'test_…', apiEndpoint: fake.apiEndpoint })`.
// Implements payments create/get (JSON, Bearer test-key auth, Mollie's error shape, idempotency keys) plus
// helpers that change a payment's status and call its webhook the way Mollie does: with the id only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import selfsigned from 'selfsigned';
import { HttpError, closeServer, handler, listen, postRaw, randomToken, sendHtml, sendJson } from './internal';
import type { RecordedRequest } from './internal';

export type MolliePaymentStatus = 'open' | 'pending' | 'paid' | 'failed' | 'canceled' | 'expired';
export type MollieTestMethod = 'creditcard' | 'ideal' | 'bancontact';

interface Money {
  currency: string;
  value: string;
}
interface Link {
  href: string;
  type: string;
}

export interface FakeMolliePayment {
  resource: 'payment';
  id: string;
  mode: 'test';
  createdAt: string;
  amount: Money;
  description: string;
  method: string | null;
  metadata: unknown;
  status: MolliePaymentStatus;
  isCancelable: boolean;
  expiresAt?: string;
  paidAt?: string;
  failedAt?: string;
  canceledAt?: string;
  expiredAt?: string;
  amountRefunded?: Money;
  amountRemaining?: Money;
  settlementAmount?: Money;
  details?: Record<string, unknown> | null;
  locale?: string;
  profileId: string;
  sequenceType: 'oneoff';
  redirectUrl: string;
  cancelUrl?: string;
  webhookUrl?: string;
  _links: { self: Link; checkout?: Link; dashboard: Link; documentation: Link };
}

export interface FakeMollieOptions {
  /** When set, only this exact key is accepted; otherwise any well-formed test key (`test_` + 30 characters). */
  apiKey?: string;
}

export interface FakeMollie {
  baseUrl: string;
  /** What to pass as `apiEndpoint` to `createMollieClient`. */
  apiEndpoint: string;
  /** PEM of the self-signed certificate the fake serves. */
  certificate: string;
  /** Every API request received, in order. */
  requests: RecordedRequest[];
  /** Every webhook call made by `callWebhook`, in order. */
  webhookCalls: { id: string; url: string; body: string; status: number }[];
  getPayment(id: string): FakeMolliePayment | undefined;
  /** Moves an open (or pending) payment to `status`, as the buyer or the bank would. */
  setStatus(id: string, status: Exclude<MolliePaymentStatus, 'open'>, opts?: { method?: MollieTestMethod }): void;
  /** POSTs `id=<id>` (form-encoded, nothing else) to the payment's webhookUrl; resolves the status code. */
  callWebhook(id: string): Promise<number>;
  close(): Promise<void>;
}

const METHODS = [
  'applepay',
  'bancontact',
  'banktransfer',
  'belfius',
  'creditcard',
  'directdebit',
  'eps',
  'giftcard',
  'ideal',
  'kbc',
  'klarna',
  'mybank',
  'paypal',
  'paysafecard',
  'przelewy24',
  'trustly',
  'twint',
];
const ZERO_DECIMAL = new Set(['JPY', 'ISK']);
const DOCS = { href: 'https://docs.mollie.com/overview/handling-errors', type: 'text/html' };
const HAL = 'application/hal+json';

function mollieError(status: number, title: string, detail: string, field?: string): HttpError {
  return new HttpError(status, { status, title, detail, ...(field ? { field } : {}), _links: { documentation: DOCS } });
}
const unprocessable = (detail: string, field: string) => mollieError(422, 'Unprocessable Entity', detail, field);

/** Mollie's timestamp format: ISO 8601 without milliseconds, `+00:00` offset. */
const timestamp = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');

function isUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function methodDetails(method: string, status: MolliePaymentStatus): Record<string, unknown> | null {
  if (status === 'failed') {
    return method === 'creditcard'
      ? { failureReason: 'authentication_failed', failureMessage: 'The payment failed: authentication failed.' }
      : null;
  }
  if (method === 'creditcard') {
    return {
      cardHolder: 'T. TEST',
      cardNumber: '6787',
      cardFingerprint: randomToken(24),
      cardAudience: 'consumer',
      cardLabel: 'Mastercard',
      cardCountryCode: 'NL',
      cardSecurity: 'normal',
      feeRegion: 'other',
    };
  }
  if (method === 'ideal') {
    return { consumerName: 'T. TEST', consumerAccount: 'NL91ABNA0417164300', consumerBic: 'ABNANL2A' };
  }
  if (method === 'bancontact') {
    return { cardNumber: '1234', cardFingerprint: randomToken(24), consumerName: 'T. TEST' };
  }
  return null;
}

let certificatePromise: Promise<{ key: string; cert: string }> | undefined;
/** One self-signed certificate for 127.0.0.1/localhost per test process. */
function certificate(): Promise<{ key: string; cert: string }> {
  certificatePromise ??= selfsigned
    .generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 7 * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ],
    })
    .then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificatePromise;
}

export async function startFakeMollie(options: FakeMollieOptions = {}): Promise<FakeMollie> {
  const requests: RecordedRequest[] = [];
  const webhookCalls: FakeMollie['webhookCalls'] = [];
  const payments = new Map<string, FakeMolliePayment>();
  const allowedMethods = new Map<string, string[] | null>(); // payment id -> methods it was created for
  const idempotent = new Map<string, { rawBody: string; body: FakeMolliePayment }>();
  const profileId = `pfl_${randomToken(10)}`;
  let baseUrl = '';

  function authenticate(authorization: string | undefined): void {
    const key = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
    const ok = options.apiKey ? key === options.apiKey : /^test_[A-Za-z0-9]{30}$/.test(key);
    if (!ok) throw mollieError(401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate');
  }

  function createPayment(input: unknown): FakeMolliePayment {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw mollieError(400, 'Bad Request', 'The request body must be a JSON object');
    }
    const body = input as Record<string, unknown>;
    const amount = body.amount as Record<string, unknown> | undefined;
    if (typeof amount !== 'object' || amount === null) throw unprocessable('The amount is required', 'amount');
    if (typeof amount.currency !== 'string' || !/^[A-Z]{3}$/.test(amount.currency)) {
      throw unprocessable('The currency is invalid', 'amount.currency');
    }
    const decimals = ZERO_DECIMAL.has(amount.currency) ? '' : '\\.\\d{2}';
    if (typeof amount.value !== 'string' || !new RegExp(`^\\d+${decimals}$`).test(amount.value)) {
      throw unprocessable('The amount contains an invalid value', 'amount.value');
    }
    if (Number(amount.value) <= 0) throw unprocessable('The amount is lower than the minimum', 'amount.value');
    if (typeof body.description !== 'string' || body.description.trim() === '') {
      throw unprocessable('The description is invalid', 'description');
    }
    if (body.description.length > 255) throw unprocessable('The description is too long', 'description');
    if (!isUrl(body.redirectUrl)) throw unprocessable('The redirect URL is invalid', 'redirectUrl');
    if (body.webhookUrl !== undefined && !isUrl(body.webhookUrl)) {
      throw unprocessable('The webhook URL is invalid', 'webhookUrl');
    }
    if (body.cancelUrl !== undefined && !isUrl(body.cancelUrl)) {
      throw unprocessable('The cancel URL is invalid', 'cancelUrl');
    }
    if (body.locale !== undefined && (typeof body.locale !== 'string' || !/^[a-z]{2}_[A-Z]{2}$/.test(body.locale))) {
      throw unprocessable('The locale is invalid', 'locale');
    }
    let methods: string[] | null = null;
    if (body.method !== undefined && body.method !== null) {
      methods = Array.isArray(body.method) ? body.method : [body.method];
      if (methods.length === 0 || methods.some((m) => typeof m !== 'string' || !METHODS.includes(m))) {
        throw unprocessable('The payment method is invalid', 'method');
      }
    }
    const id = `tr_${randomToken(10)}`;
    const now = new Date();
    const payment: FakeMolliePayment = {
      resource: 'payment',
      id,
      mode: 'test',
      createdAt: timestamp(now),
      amount: { currency: amount.currency, value: amount.value },
      description: body.description,
      method: methods?.length === 1 ? methods[0] : null,
      metadata: body.metadata ?? null,
      status: 'open',
      isCancelable: false,
      expiresAt: timestamp(new Date(now.getTime() + 15 * 60_000)),
      ...(typeof body.locale === 'string' ? { locale: body.locale } : {}),
      profileId,
      sequenceType: 'oneoff',
      redirectUrl: body.redirectUrl,
      ...(typeof body.cancelUrl === 'string' ? { cancelUrl: body.cancelUrl } : {}),
      ...(typeof body.webhookUrl === 'string' ? { webhookUrl: body.webhookUrl } : {}),
      _links: {
        self: { href: `${baseUrl}/v2/payments/${id}`, type: HAL },
        checkout: { href: `${baseUrl}/checkout/${id}`, type: 'text/html' },
        dashboard: { href: `${baseUrl}/dashboard/payments/${id}`, type: 'text/html' },
        documentation: { href: 'https://docs.mollie.com/reference/get-payment', type: 'text/html' },
      },
    };
    payments.set(id, payment);
    allowedMethods.set(id, methods);
    return payment;
  }

  const route = (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest) => {
    const checkout = /^\/checkout\/([^/]+)$/.exec(rec.path);
    if (rec.method === 'GET' && checkout) {
      return sendHtml(res, `<!doctype html><title>Fake Mollie checkout</title><h1>Payment ${checkout[1]}</h1>`);
    }
    authenticate(req.headers.authorization);
    if (rec.method === 'POST' && rec.path === '/v2/payments') {
      if (rec.rawBody && rec.body === undefined) throw mollieError(400, 'Bad Request', 'The JSON is invalid');
      const key = req.headers['idempotency-key'] as string | undefined;
      const previous = key ? idempotent.get(key) : undefined;
      if (previous) {
        if (previous.rawBody !== rec.rawBody) {
          throw unprocessable('The idempotency key was already used for a different request', 'Idempotency-Key');
        }
        return sendJson(res, 201, previous.body, HAL);
      }
      const payment = createPayment(rec.body);
      if (key) idempotent.set(key, { rawBody: rec.rawBody, body: payment });
      return sendJson(res, 201, payment, HAL);
    }
    const get = /^\/v2\/payments\/([^/]+)$/.exec(rec.path);
    if (rec.method === 'GET' && get) {
      const payment = payments.get(decodeURIComponent(get[1]));
      if (!payment) throw mollieError(404, 'Not Found', `No payment exists with token ${get[1]}.`);
      return sendJson(res, 200, payment, HAL);
    }
    throw mollieError(404, 'Not Found', 'The resource does not exist');
  };

  const tls = await certificate();
  const server = https.createServer(
    { key: tls.key, cert: tls.cert },
    handler(
      requests,
      (raw) => JSON.parse(raw),
      route,
      (err) => ({
        status: 500,
        body: { status: 500, title: 'Internal Server Error', detail: `Fake Mollie failed: ${String(err)}` },
      }),
      HAL,
    ),
  );
  const port = await listen(server);
  baseUrl = `https://127.0.0.1:${port}`;

  function paymentOrThrow(id: string): FakeMolliePayment {
    const payment = payments.get(id);
    if (!payment) throw new Error(`fake Mollie: no payment ${id}`);
    return payment;
  }

  return {
    baseUrl,
    apiEndpoint: `${baseUrl}/v2/`,
    certificate: tls.cert,
    requests,
    webhookCalls,
    getPayment: (id) => payments.get(id),
    setStatus(id, status, opts = {}) {
      const payment = paymentOrThrow(id);
      if (payment.status !== 'open' && payment.status !== 'pending') {
        throw new Error(`fake Mollie: payment ${id} is already ${payment.status}`);
      }
      if (!['pending', 'paid', 'failed', 'canceled', 'expired'].includes(status)) {
        throw new Error(`fake Mollie: unknown status ${status}`);
      }
      const allowed = allowedMethods.get(id);
      if (opts.method && allowed && !allowed.includes(opts.method)) {
        throw new Error(`fake Mollie: payment ${id} was created for ${allowed.join(', ')}, not ${opts.method}`);
      }
      const settled = status === 'paid' || status === 'failed' || status === 'pending';
      const method = opts.method ?? payment.method ?? (settled ? 'ideal' : null);
      const at = timestamp();
      payment.status = status;
      payment.method = method;
      if (status !== 'pending') {
        delete payment.expiresAt;
        delete payment._links.checkout;
      }
      if (status === 'paid') {
        const zero = ZERO_DECIMAL.has(payment.amount.currency) ? '0' : '0.00';
        Object.assign(payment, {
          paidAt: at,
          amountRefunded: { currency: payment.amount.currency, value: zero },
          amountRemaining: { ...payment.amount },
          ...(payment.amount.currency === 'EUR' ? { settlementAmount: { ...payment.amount } } : {}),
        });
      }
      if (status === 'failed') payment.failedAt = at;
      if (status === 'canceled') payment.canceledAt = at;
      if (status === 'expired') payment.expiredAt = at;
      payment.details = method ? methodDetails(method, status) : null;
    },
    async callWebhook(id) {
      const payment = paymentOrThrow(id);
      if (!payment.webhookUrl) throw new Error(`fake Mollie: payment ${id} has no webhookUrl`);
      const body = new URLSearchParams({ id }).toString();
      const { status } = await postRaw(payment.webhookUrl, body, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      webhookCalls.push({ id, url: payment.webhookUrl, body, status });
      return status;
    },
    close: () => closeServer(server),
  };
}
