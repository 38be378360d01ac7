// Fake Mollie Payments API on loopback over HTTPS (self-signed; the test process, not this module, sets
// NODE_TLS_REJECT_UNAUTHORIZED=0) for `createMollieClient({ apiKey: 'test_…', apiEndpoint: fake.apiEndpoint })`.
// Implements payments create/get (one-off, `first` and `recurring`), customers create/get, customer mandates
// list/get/revoke and payment refunds create/list/get (JSON, Bearer test-key auth, Mollie's error shape,
// idempotency keys on every POST), plus helpers that change a payment's status (a paid `first` payment leaves
// a mandate) and call its webhook the way Mollie does: with the id only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import selfsigned from 'selfsigned';
import { HttpError, closeServer, handler, listen, postRaw, randomToken, sendHtml, sendJson } from './internal';
import type { RecordedRequest } from './internal';

export type MolliePaymentStatus = 'open' | 'pending' | 'paid' | 'failed' | 'canceled' | 'expired';
export type MollieTestMethod = 'creditcard' | 'ideal' | 'bancontact' | 'paypal' | 'directdebit';
export type MollieSequenceType = 'oneoff' | 'first' | 'recurring';
export type MollieMandateMethod = 'creditcard' | 'directdebit' | 'paypal';

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
  sequenceType: MollieSequenceType;
  /** Set for `first` and `recurring` payments. */
  customerId?: string;
  /** The mandate a recurring payment is charged on, or the one a paid `first` payment left. */
  mandateId?: string;
  /** Absent for recurring payments (no buyer to redirect). */
  redirectUrl?: string;
  cancelUrl?: string;
  webhookUrl?: string;
  _links: {
    self: Link;
    checkout?: Link;
    dashboard: Link;
    customer?: Link;
    mandate?: Link;
    refunds?: Link;
    documentation: Link;
  };
}

export interface FakeMollieCustomer {
  resource: 'customer';
  id: string;
  mode: 'test';
  name: string | null;
  email: string | null;
  locale: string | null;
  metadata: unknown;
  createdAt: string;
  _links: { self: Link; dashboard: Link; mandates?: Link; documentation: Link };
}

export interface FakeMollieMandate {
  resource: 'mandate';
  id: string;
  mode: 'test';
  status: 'valid' | 'pending' | 'invalid';
  method: MollieMandateMethod;
  /** Card: last four digits only; direct debit: a masked IBAN; PayPal: the payer's email. */
  details: Record<string, string | null>;
  mandateReference: string;
  signatureDate: string;
  createdAt: string;
  _links: { self: Link; customer: Link; documentation: Link };
}

export type MollieRefundStatus = 'queued' | 'pending' | 'processing' | 'refunded' | 'failed' | 'canceled';
export interface FakeMollieRefund {
  resource: 'refund';
  id: string;
  mode: 'test';
  amount: Money;
  status: MollieRefundStatus;
  description: string;
  metadata: unknown;
  paymentId: string;
  settlementAmount?: Money;
  createdAt: string;
  _links: { self: Link; payment: Link; documentation: Link };
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
  getCustomer(id: string): FakeMollieCustomer | undefined;
  getMandate(id: string): FakeMollieMandate | undefined;
  /** The customer's mandates, oldest first (revoked ones included, with status `invalid`). */
  mandatesOf(customerId: string): FakeMollieMandate[];
  /** Revokes a mandate (status `invalid`), as DELETE /v2/customers/:customerId/mandates/:id does. */
  revokeMandate(customerId: string, mandateId: string): void;
  /** The refunds made on a payment, oldest first. */
  refundsOf(paymentId: string): FakeMollieRefund[];
  /**
   * Moves an open (or pending) payment to `status`, as the buyer or the bank would. A `first` payment that
   * becomes paid leaves a valid mandate for its customer (creditcard → creditcard, paypal → paypal, any other
   * method → directdebit) and carries its `mandateId`.
   */
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

const SEPA = { consumerName: 'T. TEST', consumerAccount: 'NL91ABNA0417164300', consumerBic: 'ABNANL2A' };
const PAYPAL_PAYER = { consumerName: 'T. TEST', consumerAccount: 'buyer@example.com' };

function methodDetails(method: string, status: MolliePaymentStatus): Record<string, unknown> | null {
  if (status === 'failed') {
    if (method === 'directdebit') return { ...directDebit(), bankReasonCode: 'AM04', bankReason: 'Insufficient funds' };
    return method === 'creditcard'
      ? { failureReason: 'authentication_failed', failureMessage: 'The payment failed: authentication failed.' }
      : null;
  }
  if (method === 'directdebit') return directDebit();
  if (method === 'paypal') {
    return { ...PAYPAL_PAYER, paypalReference: randomToken(17, UPPER), paypalPayerId: randomToken(13, UPPER) };
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
  if (method === 'ideal') return { ...SEPA };
  if (method === 'bancontact') {
    return { cardNumber: '1234', cardFingerprint: randomToken(24), consumerName: 'T. TEST' };
  }
  return null;
}

function directDebit(): Record<string, unknown> {
  return {
    transferReference: `SD${randomToken(2, '0123456789')}-${randomToken(4, '0123456789')}-${randomToken(4, '0123456789')}`,
    creditorIdentifier: 'NL08ZZZ502057730000',
    consumerName: SEPA.consumerName,
    consumerAccount: maskIban(SEPA.consumerAccount),
    consumerBic: SEPA.consumerBic,
    dueDate: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
    signatureDate: new Date().toISOString().slice(0, 10),
  };
}

/** Never a full account number outside the bank's own details: country, check digits, bank, last four. */
const maskIban = (iban: string) => `${iban.slice(0, 8)}${'*'.repeat(Math.max(iban.length - 12, 0))}${iban.slice(-4)}`;

/** A mandate's details, derived from the paid first payment's own details (never a full card or IBAN). */
function mandateDetails(
  method: MollieMandateMethod,
  paid: Record<string, unknown> | null | undefined,
): Record<string, string> {
  const d = (paid ?? {}) as Record<string, string | undefined>;
  if (method === 'creditcard') {
    const expiry = new Date(Date.UTC(new Date().getUTCFullYear() + 3, 12, 0));
    return {
      cardHolder: d.cardHolder ?? 'T. TEST',
      cardNumber: (d.cardNumber ?? '6787').slice(-4),
      cardLabel: d.cardLabel ?? 'Mastercard',
      cardFingerprint: d.cardFingerprint ?? randomToken(24),
      cardExpiryDate: expiry.toISOString().slice(0, 10),
    };
  }
  if (method === 'paypal')
    return {
      consumerName: d.consumerName ?? PAYPAL_PAYER.consumerName,
      consumerAccount: d.consumerAccount ?? PAYPAL_PAYER.consumerAccount,
    };
  const iban = d.consumerAccount && !d.consumerAccount.includes('*') ? d.consumerAccount : SEPA.consumerAccount;
  return {
    consumerName: d.consumerName ?? SEPA.consumerName,
    consumerAccount: maskIban(iban),
    consumerBic: d.consumerBic ?? SEPA.consumerBic,
  };
}

const UPPER = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Money value <-> minor units, for the currency's number of decimals. */
const toMinor = (m: Money) => (ZERO_DECIMAL.has(m.currency) ? Number(m.value) : Math.round(Number(m.value) * 100));
const fromMinor = (currency: string, minor: number): Money => ({
  currency,
  value: ZERO_DECIMAL.has(currency) ? String(minor) : (minor / 100).toFixed(2),
});

let certificatePromise: Promise<{ key: string; cert: string }> | undefined;
/** One self-signed certificate for 127.0.0.1/localhost per test process. */
/** The self-signed certificate every fake Mollie (and its accounts front) serves. */
export function certificate(): Promise<{ key: string; cert: string }> {
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
  const customers = new Map<string, FakeMollieCustomer>();
  const mandates = new Map<string, { customerId: string; mandate: FakeMollieMandate }>();
  const refunds = new Map<string, FakeMollieRefund[]>(); // payment id -> its refunds
  const idempotent = new Map<string, { path: string; rawBody: string; body: unknown }>();
  const profileId = `pfl_${randomToken(10)}`;
  let baseUrl = '';

  const link = (path: string, type = HAL): Link => ({ href: `${baseUrl}${path}`, type });
  const docs = (page: string): Link => ({ href: `https://docs.mollie.com/reference/${page}`, type: 'text/html' });

  function authenticate(authorization: string | undefined): void {
    const key = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
    const ok = options.apiKey ? key === options.apiKey : /^test_[A-Za-z0-9]{30}$/.test(key);
    if (!ok) throw mollieError(401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate');
  }

  function jsonObject(input: unknown): Record<string, unknown> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw mollieError(400, 'Bad Request', 'The request body must be a JSON object');
    }
    return input as Record<string, unknown>;
  }

  function amountOf(raw: unknown, field = 'amount'): Money {
    const amount = raw as Record<string, unknown> | undefined;
    if (typeof amount !== 'object' || amount === null) throw unprocessable(`The ${field} is required`, field);
    if (typeof amount.currency !== 'string' || !/^[A-Z]{3}$/.test(amount.currency)) {
      throw unprocessable('The currency is invalid', `${field}.currency`);
    }
    const decimals = ZERO_DECIMAL.has(amount.currency) ? '' : '\\.\\d{2}';
    if (typeof amount.value !== 'string' || !new RegExp(`^\\d+${decimals}$`).test(amount.value)) {
      throw unprocessable(`The ${field} contains an invalid value`, `${field}.value`);
    }
    if (Number(amount.value) <= 0) throw unprocessable(`The ${field} is lower than the minimum`, `${field}.value`);
    return { currency: amount.currency, value: amount.value };
  }

  function customerOf(id: unknown): FakeMollieCustomer {
    const customer = typeof id === 'string' ? customers.get(id) : undefined;
    if (!customer) throw unprocessable('The customer id is invalid', 'customerId');
    return customer;
  }

  /** The valid mandate a recurring payment is charged on: the given one, or the customer's newest valid one. */
  function mandateFor(customer: FakeMollieCustomer, mandateId: unknown): FakeMollieMandate {
    if (mandateId !== undefined) {
      const found = typeof mandateId === 'string' ? mandates.get(mandateId) : undefined;
      if (!found || found.customerId !== customer.id || found.mandate.status !== 'valid') {
        throw unprocessable('The customer has no valid mandates', 'mandateId');
      }
      return found.mandate;
    }
    const valid = [...mandates.values()]
      .filter((m) => m.customerId === customer.id && m.mandate.status === 'valid')
      .map((m) => m.mandate);
    if (valid.length === 0) throw unprocessable('The customer has no valid mandates', 'customerId');
    return valid[valid.length - 1];
  }

  function createPayment(input: unknown): FakeMolliePayment {
    const body = jsonObject(input);
    const amount = amountOf(body.amount);
    if (typeof body.description !== 'string' || body.description.trim() === '') {
      throw unprocessable('The description is invalid', 'description');
    }
    if (body.description.length > 255) throw unprocessable('The description is too long', 'description');
    const sequenceType = (body.sequenceType ?? 'oneoff') as MollieSequenceType;
    if (!['oneoff', 'first', 'recurring'].includes(sequenceType)) {
      throw unprocessable('The sequence type is invalid', 'sequenceType');
    }
    const recurring = sequenceType === 'recurring';
    // A recurring payment has no buyer to send anywhere: redirectUrl is neither needed nor kept.
    if (!recurring && !isUrl(body.redirectUrl)) throw unprocessable('The redirect URL is invalid', 'redirectUrl');
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
    let customer: FakeMollieCustomer | undefined;
    if (body.customerId !== undefined) customer = customerOf(body.customerId);
    else if (sequenceType !== 'oneoff') {
      throw unprocessable(`A customer is required for ${sequenceType} payments`, 'customerId');
    }
    let mandate: FakeMollieMandate | undefined;
    if (recurring) {
      mandate = mandateFor(customer!, body.mandateId);
      if (methods && !methods.includes(mandate.method)) {
        throw unprocessable('The customer has no valid mandates for this payment method', 'method');
      }
      methods = [mandate.method];
    } else if (body.mandateId !== undefined) {
      throw unprocessable('A mandate can only be used for recurring payments', 'mandateId');
    }
    const id = `tr_${randomToken(10)}`;
    const now = new Date();
    const payment: FakeMolliePayment = {
      resource: 'payment',
      id,
      mode: 'test',
      createdAt: timestamp(now),
      amount,
      description: body.description,
      method: methods?.length === 1 ? methods[0] : null,
      metadata: body.metadata ?? null,
      status: recurring ? 'pending' : 'open',
      isCancelable: recurring && mandate!.method === 'directdebit',
      ...(recurring ? {} : { expiresAt: timestamp(new Date(now.getTime() + 15 * 60_000)) }),
      ...(typeof body.locale === 'string' ? { locale: body.locale } : {}),
      profileId,
      sequenceType,
      ...(customer ? { customerId: customer.id } : {}),
      ...(mandate ? { mandateId: mandate.id } : {}),
      ...(recurring ? {} : { redirectUrl: body.redirectUrl as string }),
      ...(typeof body.cancelUrl === 'string' && !recurring ? { cancelUrl: body.cancelUrl } : {}),
      ...(typeof body.webhookUrl === 'string' ? { webhookUrl: body.webhookUrl } : {}),
      _links: {
        self: link(`/v2/payments/${id}`),
        ...(recurring ? {} : { checkout: link(`/checkout/${id}`, 'text/html') }),
        dashboard: link(`/dashboard/payments/${id}`, 'text/html'),
        ...(customer ? { customer: link(`/v2/customers/${customer.id}`) } : {}),
        ...(mandate ? { mandate: link(`/v2/customers/${customer!.id}/mandates/${mandate.id}`) } : {}),
        documentation: docs('get-payment'),
      },
    };
    if (recurring) payment.details = methodDetails(payment.method!, 'pending');
    payments.set(id, payment);
    allowedMethods.set(id, methods);
    return payment;
  }

  function createCustomer(input: unknown): FakeMollieCustomer {
    const body = jsonObject(input);
    for (const field of ['name', 'email'] as const) {
      const v = body[field];
      if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > 255)) {
        throw unprocessable(`The ${field} is invalid`, field);
      }
    }
    if (typeof body.email === 'string' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email)) {
      throw unprocessable('The email address is invalid', 'email');
    }
    if (body.locale != null && (typeof body.locale !== 'string' || !/^[a-z]{2}_[A-Z]{2}$/.test(body.locale))) {
      throw unprocessable('The locale is invalid', 'locale');
    }
    const id = `cst_${randomToken(10)}`;
    const customer: FakeMollieCustomer = {
      resource: 'customer',
      id,
      mode: 'test',
      name: (body.name as string | undefined) ?? null,
      email: (body.email as string | undefined) ?? null,
      locale: (body.locale as string | undefined) ?? null,
      metadata: body.metadata ?? null,
      createdAt: timestamp(),
      _links: {
        self: link(`/v2/customers/${id}`),
        dashboard: link(`/dashboard/customers/${id}`, 'text/html'),
        documentation: docs('get-customer'),
      },
    };
    customers.set(id, customer);
    return customer;
  }

  function createMandate(customerId: string, method: MollieMandateMethod, paid: FakeMolliePayment) {
    const id = `mdt_${randomToken(10)}`;
    const mandate: FakeMollieMandate = {
      resource: 'mandate',
      id,
      mode: 'test',
      status: 'valid',
      method,
      details: mandateDetails(method, paid.details),
      mandateReference: `FAKE-MD${randomToken(8, UPPER)}`,
      signatureDate: new Date().toISOString().slice(0, 10),
      createdAt: timestamp(),
      _links: {
        self: link(`/v2/customers/${customerId}/mandates/${id}`),
        customer: link(`/v2/customers/${customerId}`),
        documentation: docs('get-mandate'),
      },
    };
    mandates.set(id, { customerId, mandate });
    customers.get(customerId)!._links.mandates = link(`/v2/customers/${customerId}/mandates`);
    return mandate;
  }

  function createRefund(payment: FakeMolliePayment, input: unknown): FakeMollieRefund {
    const body = jsonObject(input);
    const amount = amountOf(body.amount);
    if (payment.status !== 'paid') {
      throw unprocessable(`The payment ${payment.id} has not been paid and cannot be refunded`, 'amount');
    }
    if (amount.currency !== payment.amount.currency) {
      throw unprocessable('The refund currency must match the currency of the payment', 'amount.currency');
    }
    const remaining = toMinor(payment.amountRemaining ?? payment.amount);
    if (toMinor(amount) > remaining) {
      throw unprocessable(
        `The amount is higher than the amount remaining for refunds on this payment (${fromMinor(amount.currency, remaining).value})`,
        'amount.value',
      );
    }
    if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 140)) {
      throw unprocessable('The description is invalid', 'description');
    }
    const id = `re_${randomToken(10)}`;
    const refund: FakeMollieRefund = {
      resource: 'refund',
      id,
      mode: 'test',
      amount,
      status: 'pending',
      description: (body.description as string | undefined) ?? '',
      metadata: body.metadata ?? null,
      paymentId: payment.id,
      ...(payment.settlementAmount ? { settlementAmount: { currency: 'EUR', value: `-${amount.value}` } } : {}),
      createdAt: timestamp(),
      _links: {
        self: link(`/v2/payments/${payment.id}/refunds/${id}`),
        payment: link(`/v2/payments/${payment.id}`),
        documentation: docs('get-refund'),
      },
    };
    refunds.set(payment.id, [...(refunds.get(payment.id) ?? []), refund]);
    const refunded = toMinor(payment.amountRefunded ?? { ...payment.amount, value: '0' }) + toMinor(amount);
    payment.amountRefunded = fromMinor(amount.currency, refunded);
    payment.amountRemaining = fromMinor(amount.currency, toMinor(payment.amount) - refunded);
    payment._links.refunds = link(`/v2/payments/${payment.id}/refunds`);
    return refund;
  }

  /** A HAL list as Mollie answers it (one page, no pagination needed for a test's handful). */
  const list = (path: string, name: string, items: unknown[]) => ({
    count: items.length,
    _embedded: { [name]: items },
    _links: { self: link(path), previous: null, next: null, documentation: docs(`list-${name}`) },
  });

  const noSuch = (what: string, id: string) => mollieError(404, 'Not Found', `No ${what} exists with token ${id}.`);
  const paymentOr404 = (id: string) => payments.get(id) ?? throwError(noSuch('payment', id));
  const customerOr404 = (id: string) => customers.get(id) ?? throwError(noSuch('customer', id));
  function mandateOr404(customerId: string, id: string): FakeMollieMandate {
    customerOr404(customerId);
    const found = mandates.get(id);
    if (!found || found.customerId !== customerId) throw noSuch('mandate', id);
    return found.mandate;
  }

  const POSTS: [RegExp, (input: unknown, match: RegExpExecArray) => unknown][] = [
    [/^\/v2\/payments$/, (input) => createPayment(input)],
    [/^\/v2\/customers$/, (input) => createCustomer(input)],
    [/^\/v2\/payments\/([^/]+)\/refunds$/, (input, m) => createRefund(paymentOr404(decodeURIComponent(m[1])), input)],
  ];

  const route = (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest) => {
    const checkout = /^\/checkout\/([^/]+)$/.exec(rec.path);
    if (rec.method === 'GET' && checkout) {
      return sendHtml(res, `<!doctype html><title>Fake Mollie checkout</title><h1>Payment ${checkout[1]}</h1>`);
    }
    authenticate(req.headers.authorization);
    for (const [pattern, create] of POSTS) {
      const match = pattern.exec(rec.path);
      if (rec.method !== 'POST' || !match) continue;
      if (rec.rawBody && rec.body === undefined) throw mollieError(400, 'Bad Request', 'The JSON is invalid');
      const key = req.headers['idempotency-key'] as string | undefined;
      const previous = key ? idempotent.get(key) : undefined;
      if (previous) {
        if (previous.rawBody !== rec.rawBody || previous.path !== rec.path) {
          throw unprocessable('The idempotency key was already used for a different request', 'Idempotency-Key');
        }
        return sendJson(res, 201, previous.body, HAL);
      }
      const created = create(rec.body, match);
      if (key) idempotent.set(key, { path: rec.path, rawBody: rec.rawBody, body: created });
      return sendJson(res, 201, created, HAL);
    }
    // The payment methods enabled on the account: a harmless call to check a key.
    if (rec.method === 'GET' && rec.path === '/v2/methods') {
      const enabled = METHODS.map((id) => ({
        resource: 'method',
        id,
        description: id,
        minimumAmount: { value: '0.01', currency: 'EUR' },
        maximumAmount: null,
        image: { size1x: '', size2x: '', svg: '' },
        status: 'activated',
        _links: { self: link(`/v2/methods/${id}`) },
      }));
      return sendJson(res, 200, list(rec.path, 'methods', enabled), HAL);
    }
    const get = /^\/v2\/payments\/([^/]+)$/.exec(rec.path);
    if (rec.method === 'GET' && get) return sendJson(res, 200, paymentOr404(decodeURIComponent(get[1])), HAL);
    const paymentRefunds = /^\/v2\/payments\/([^/]+)\/refunds(?:\/([^/]+))?$/.exec(rec.path);
    if (rec.method === 'GET' && paymentRefunds) {
      const payment = paymentOr404(decodeURIComponent(paymentRefunds[1]));
      const made = refunds.get(payment.id) ?? [];
      if (!paymentRefunds[2]) return sendJson(res, 200, list(rec.path, 'refunds', made), HAL);
      const refund = made.find((r) => r.id === decodeURIComponent(paymentRefunds[2]));
      if (!refund) throw noSuch('refund', paymentRefunds[2]);
      return sendJson(res, 200, refund, HAL);
    }
    const customer = /^\/v2\/customers\/([^/]+)$/.exec(rec.path);
    if (rec.method === 'GET' && customer)
      return sendJson(res, 200, customerOr404(decodeURIComponent(customer[1])), HAL);
    const mandateList = /^\/v2\/customers\/([^/]+)\/mandates$/.exec(rec.path);
    if (rec.method === 'GET' && mandateList) {
      const customerId = customerOr404(decodeURIComponent(mandateList[1])).id;
      const own = [...mandates.values()].filter((m) => m.customerId === customerId).map((m) => m.mandate);
      return sendJson(res, 200, list(rec.path, 'mandates', own.reverse()), HAL);
    }
    const mandate = /^\/v2\/customers\/([^/]+)\/mandates\/([^/]+)$/.exec(rec.path);
    if (mandate && (rec.method === 'GET' || rec.method === 'DELETE')) {
      const found = mandateOr404(decodeURIComponent(mandate[1]), decodeURIComponent(mandate[2]));
      if (rec.method === 'GET') return sendJson(res, 200, found, HAL);
      found.status = 'invalid';
      res.writeHead(204).end();
      return;
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
    getCustomer: (id) => customers.get(id),
    getMandate: (id) => mandates.get(id)?.mandate,
    mandatesOf: (customerId) => [...mandates.values()].filter((m) => m.customerId === customerId).map((m) => m.mandate),
    revokeMandate(customerId, mandateId) {
      const found = mandates.get(mandateId);
      if (!found || found.customerId !== customerId) {
        throw new Error(`fake Mollie: customer ${customerId} has no mandate ${mandateId}`);
      }
      found.mandate.status = 'invalid';
    },
    refundsOf: (paymentId) => [...(refunds.get(paymentId) ?? [])],
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
        payment.isCancelable = false;
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
      if (status === 'paid' && payment.sequenceType === 'first' && payment.customerId && method) {
        const kind: MollieMandateMethod = method === 'creditcard' || method === 'paypal' ? method : 'directdebit';
        const mandate = createMandate(payment.customerId, kind, payment);
        payment.mandateId = mandate.id;
        payment._links.mandate = link(`/v2/customers/${payment.customerId}/mandates/${mandate.id}`);
      }
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

function throwError(error: Error): never {
  throw error;
}
