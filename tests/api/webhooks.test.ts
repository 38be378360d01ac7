// Issue 21 (M15, S36): signed outgoing webhooks. A receiver on loopback (allowed only by the test-only
// WEBHOOKS_ALLOW_LOOPBACK) verifies each message with the Standard Webhooks reference library; retries
// are shortened (two retries, one second apart, doubling) so that a failing endpoint is reached quickly.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { queryAs } from '../../server/src/testing/database';
import { as, errorCode, type ApiClient } from '../support/api-client';
import { useDemoWithSmtp } from '../support/demo-app';
import { eventually } from '../support/wait';

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that answers `status()` and records what arrives. */
async function startReceiver(status: () => number = () => 204) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ at: Date.now(), headers: req.headers, body });
      res.statusCode = status();
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const fixture = useDemoWithSmtp({
  WEBHOOKS_ALLOW_LOOPBACK: 'true',
  WEBHOOK_RETRY_LIMIT: '2',
  WEBHOOK_RETRY_DELAY_SECONDS: '1',
  WEBHOOK_RETRY_DELAY_MAX_SECONDS: '2',
});
let admin: ApiClient;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(fixture.demo.db.superuserUrl, text, params);

const CREATE = `mutation($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) { secret endpoint { id url events status enabled } }
}`;
const CREATE_CUSTOMER = 'mutation($input: CustomerInput!) { customerCreate(input: $input) { id } }';
const DELIVERIES = `query($input: WebhookDeliveriesInput!) {
  webhookDeliveries(input: $input) { id eventType status attempts lastStatusCode lastError lastAttemptAt deliveredAt }
}`;

async function createEndpoint(url: string, events: string[]) {
  const data = await admin.ok<{ webhookEndpointCreate: { secret: string; endpoint: { id: string } } }>(CREATE, {
    input: { url, events },
  });
  return data.webhookEndpointCreate;
}

const verify = (secret: string, message: Received) =>
  new Webhook(secret).verify(message.body, {
    'webhook-id': String(message.headers['webhook-id']),
    'webhook-timestamp': String(message.headers['webhook-timestamp']),
    'webhook-signature': String(message.headers['webhook-signature']),
  }) as { type: string; timestamp: string; data: Record<string, unknown> };

beforeAll(async () => {
  admin = await as(fixture.demo.url, 'jj-media', 'ADMIN');
});

describe('M15: outgoing webhooks', () => {
  it('M15 S36: a committed change is delivered once, signed (Standard Webhooks), with ids and no personal data', async () => {
    const receiver = await startReceiver();
    try {
      const { secret, endpoint } = await createEndpoint(receiver.url, ['customer.created', 'ticket.created']);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const [stored] = await sql('select secret_ciphertext from webhook_endpoints where id = $1', [endpoint.id]);
      expect(stored.secret_ciphertext).not.toContain(secret.slice(6));

      // A rolled-back change sends nothing: an invalid customer fails inside its transaction.
      const invalid = await admin.gql(CREATE_CUSTOMER, { input: { name: 'Nope AB', billingCountry: 'XX' } });
      expect(errorCode(invalid)).toBe('BAD_USER_INPUT');

      const sent = Date.now();
      const created = await admin.ok<{ customerCreate: { id: string } }>(CREATE_CUSTOMER, {
        input: { name: 'Webhook Kund AB', billingCountry: 'SE', notes: 'Ring Anna på 070-123 45 67' },
      });
      const committed = Date.now(); // the answer comes after the commit
      const [message] = await eventually(
        async () => receiver.received,
        (r) => r.length >= 1,
        { what: 'the webhook' },
      );
      console.log(
        `M15: webhook delivered ${message.at - committed} ms after the committed answer reached the client, ${message.at - sent} ms after the mutation was sent`,
      );
      const event = verify(secret, message);
      expect(event).toEqual({
        type: 'customer.created',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: { customerId: created.customerCreate.id },
      });
      expect(message.body).not.toContain('Webhook Kund');
      expect(message.body).not.toContain('Anna');
      expect(message.headers['webhook-id']).toMatch(/^msg_[0-9a-f-]{36}$/);
      // A tampered body fails the reference verification.
      expect(() => verify(secret, { ...message, body: message.body.replace('customer', 'kund') })).toThrow();
      expect(receiver.received).toHaveLength(1);

      const log = await admin.ok(DELIVERIES, { input: { endpointId: endpoint.id } });
      expect(log.webhookDeliveries).toEqual([
        expect.objectContaining({
          eventType: 'customer.created',
          status: 'DELIVERED',
          attempts: 1,
          lastStatusCode: 204,
        }),
      ]);
      await admin.ok('mutation($id: UUID!) { webhookEndpointDelete(id: $id) }', { id: endpoint.id });
    } finally {
      await receiver.close();
    }
  });

  it('M15 S36: a rotated secret signs beside the old one for a day; both verify', async () => {
    const receiver = await startReceiver();
    try {
      const { secret: old, endpoint } = await createEndpoint(receiver.url, ['customer.created']);
      const rotated = await admin.ok<{ webhookEndpointRotateSecret: { secret: string } }>(
        'mutation($id: UUID!) { webhookEndpointRotateSecret(id: $id) { secret endpoint { previousSecretUntil } } }',
        { id: endpoint.id },
      );
      const next = rotated.webhookEndpointRotateSecret.secret;
      expect(next).not.toBe(old);
      await admin.ok(CREATE_CUSTOMER, { input: { name: 'Rotation AB', billingCountry: 'SE' } });
      const [message] = await eventually(
        async () => receiver.received,
        (r) => r.length >= 1,
        { what: 'the webhook' },
      );
      expect(String(message.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verify(next, message).type).toBe('customer.created');
      expect(verify(old, message).type).toBe('customer.created');
      // After the overlap, only the new secret signs.
      await sql("update webhook_endpoints set previous_secret_until = now() - interval '1 second' where id = $1", [
        endpoint.id,
      ]);
      await admin.ok(CREATE_CUSTOMER, { input: { name: 'Rotation två AB', billingCountry: 'SE' } });
      const [, second] = await eventually(
        async () => receiver.received,
        (r) => r.length >= 2,
        { what: 'the webhook' },
      );
      expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(1);
      expect(verify(next, second).type).toBe('customer.created');
      expect(() => verify(old, second)).toThrow();
      await admin.ok('mutation($id: UUID!) { webhookEndpointDelete(id: $id) }', { id: endpoint.id });
    } finally {
      await receiver.close();
    }
  });

  it('M15 S36: 500s are retried with back-off; then the endpoint is failing and admins are mailed; replay delivers', async () => {
    let answer = 500;
    const receiver = await startReceiver(() => answer);
    try {
      const { secret, endpoint } = await createEndpoint(receiver.url, ['customer.created']);
      await admin.ok(CREATE_CUSTOMER, { input: { name: 'Retry AB', billingCountry: 'SE' } });
      // The first attempt and two retries, each a 500.
      await eventually(
        async () => receiver.received,
        (r) => r.length >= 3,
        { what: 'three attempts' },
      );
      const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
      expect(ids.size).toBe(1); // the same message each time
      const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i].at);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(400); // waited (back-off), not a burst
      const [failing] = await eventually(
        () => sql('select status, failing_since from webhook_endpoints where id = $1', [endpoint.id]),
        (rows) => rows[0]?.status === 'FAILING',
        { what: 'the endpoint marked failing' },
      );
      expect(failing.failing_since).not.toBeNull();
      const log = await admin.ok(DELIVERIES, { input: { endpointId: endpoint.id } });
      expect(log.webhookDeliveries[0]).toMatchObject({ status: 'FAILED', attempts: 3, lastStatusCode: 500 });

      const mails = await fixture.smtp.waitFor(1, (m) => /webhook/i.test(m.subject ?? ''));
      expect(mails[0].to).toBeDefined();
      expect(JSON.stringify(mails[0].to)).toContain('admin@jj-media.example.com');
      expect(mails[0].text).toContain(receiver.url);
      expect(receiver.received).toHaveLength(3); // nothing more after the last retry

      // The receiver is fixed; the admin replays the message from the log: delivered, endpoint active again.
      answer = 200;
      const replayed = await admin.ok('mutation($id: UUID!) { webhookDeliveryReplay(id: $id) { id status } }', {
        id: log.webhookDeliveries[0].id,
      });
      expect(replayed.webhookDeliveryReplay.status).toBe('PENDING');
      await eventually(
        async () => receiver.received,
        (r) => r.length >= 4,
        { what: 'the replay' },
      );
      const replay = receiver.received[3];
      expect(replay.headers['webhook-id']).toBe(receiver.received[0].headers['webhook-id']);
      expect(verify(secret, replay).type).toBe('customer.created');
      await eventually(
        () => sql('select status from webhook_endpoints where id = $1', [endpoint.id]),
        (rows) => rows[0]?.status === 'ACTIVE',
        { what: 'the endpoint active again' },
      );
      const after = await admin.ok(DELIVERIES, { input: { endpointId: endpoint.id } });
      expect(after.webhookDeliveries[0]).toMatchObject({ status: 'DELIVERED', attempts: 4, lastStatusCode: 200 });
      await admin.ok('mutation($id: UUID!) { webhookEndpointDelete(id: $id) }', { id: endpoint.id });
    } finally {
      await receiver.close();
    }
  });

  it('M15 S36: private, link-local and metadata addresses are refused at save and again at delivery', async () => {
    for (const url of [
      'http://10.0.0.5/hook',
      'http://192.168.1.1/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[fd00:ec2::254]/',
      'http://[::ffff:10.0.0.1]/',
      'ftp://example.com/hook',
      'http://user:pass@127.0.0.1/hook',
    ]) {
      const res = await admin.gql(CREATE, { input: { url, events: ['customer.created'] } });
      expect({ url, error: res.errors?.[0]?.extensions }).toEqual({
        url,
        error: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' }),
      });
    }
    const unknownEvent = await admin.gql(CREATE, { input: { url: 'http://127.0.0.1:9/x', events: ['order.stolen'] } });
    expect(unknownEvent.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Saved while it pointed at an allowed address; by the delivery it points at the metadata service
    // (as a DNS answer that changes would): the delivery refuses to connect.
    const receiver = await startReceiver();
    try {
      const { endpoint } = await createEndpoint(receiver.url, ['customer.created']);
      await sql("update webhook_endpoints set url = 'http://169.254.169.254/latest/meta-data' where id = $1", [
        endpoint.id,
      ]);
      await admin.ok(CREATE_CUSTOMER, { input: { name: 'Rebinding AB', billingCountry: 'SE' } });
      const [row] = await eventually(
        () =>
          sql('select attempts, last_error, last_status_code from webhook_deliveries where endpoint_id = $1', [
            endpoint.id,
          ]),
        (rows) => rows[0]?.attempts >= 1,
        { what: 'a refused attempt' },
      );
      expect(row.last_error).toMatch(/^refused: .*public address/);
      expect(row.last_status_code).toBeNull();
      expect(receiver.received).toHaveLength(0);
      await admin.ok('mutation($id: UUID!) { webhookEndpointDelete(id: $id) }', { id: endpoint.id });
    } finally {
      await receiver.close();
    }
  });

  it('M15 S36: events come from every path that makes the change (an order paid and refunded, a site down and up)', async () => {
    const receiver = await startReceiver();
    try {
      const { secret } = await createEndpoint(receiver.url, ['order.paid', 'order.refunded', 'site.down', 'site.up']);
      const [order] = await sql(
        `select o.id, o.tenant_id from orders o join tenants t on t.id = o.tenant_id
          where t.slug = 'jj-media' and o.status = 'PENDING_PAYMENT' limit 1`,
      );
      // The provider's side (here, the database directly, as any path would): an order paid, and a
      // partial refund of a paid order's payment (a row of the refunds ledger).
      await sql("update orders set status = 'PAID', paid_at = now() where id = $1", [order.id]);
      const [paid] = await sql(
        `select o.id, p.id as payment, p.currency from orders o join payments p on p.order_id = o.id
          where o.tenant_id = $1 and o.status = 'PAID' and p.status = 'PAID' and o.refunded_minor = 0
            and p.amount_minor > 100 limit 1`,
        [order.tenant_id],
      );
      await sql(
        `insert into refunds (id, tenant_id, payment_id, order_id, amount_minor, currency, status, reason, idempotency_key)
         values (gen_random_uuid(), $1, $2, $3, 100, $4, 'SUCCEEDED', 'Webhook test', gen_random_uuid()::text)`,
        [order.tenant_id, paid.payment, paid.id, paid.currency],
      );
      const messages = await eventually(
        async () => receiver.received,
        (r) => r.length >= 2,
        { what: 'two events' },
      );
      const events = messages.map((m) => verify(secret, m));
      expect(events.map((e) => e.type).sort()).toEqual(['order.paid', 'order.refunded']);
      expect(events.find((e) => e.type === 'order.paid')!.data).toMatchObject({ orderId: order.id, status: 'PAID' });
      expect(events.find((e) => e.type === 'order.refunded')!.data).toMatchObject({
        orderId: paid.id,
        amountMinor: 100,
        refundedMinor: 100,
      });

      // The monitoring module's incidents (issue 22): an outage opened, then closed.
      const [site] = await sql('select id from sites where tenant_id = $1 limit 1', [order.tenant_id]);
      const [incident] = await sql(
        `insert into site_incidents (id, tenant_id, site_id, kind, opened_at)
         values (gen_random_uuid(), $1, $2, 'DOWN', now()) returning id`,
        [order.tenant_id, site.id],
      );
      await sql('update site_incidents set closed_at = now() where id = $1', [incident.id]);
      const all = await eventually(
        async () => receiver.received,
        (r) => r.length >= 4,
        { what: 'the site events' },
      );
      const site_events = all.slice(2).map((m) => verify(secret, m));
      expect(site_events.map((e) => e.type).sort()).toEqual(['site.down', 'site.up']);
      for (const e of site_events) expect(e.data).toMatchObject({ incidentId: incident.id, siteId: site.id });
    } finally {
      await receiver.close();
    }
  });

  it('M15 S36: a reply the customer sees, a renewal and a subscription past due are sent; an internal note is not', async () => {
    const receiver = await startReceiver();
    try {
      const { secret, endpoint } = await createEndpoint(receiver.url, [
        'ticket.replied',
        'subscription.renewed',
        'subscription.past_due',
      ]);
      const [ticket] = await sql(
        `select m.ticket_id, m.tenant_id from ticket_messages m join tenants t on t.id = m.tenant_id
          where t.slug = 'jj-media' limit 1`,
      );
      const message = (internal: boolean) =>
        sql(
          `insert into ticket_messages (id, tenant_id, ticket_id, body, internal, password_hints)
           values (gen_random_uuid(), $1, $2, 'Hej Anna, vi tittar på det', $3, '[]') returning id`,
          [ticket.tenant_id, ticket.ticket_id, internal],
        );
      await message(true); // an internal note: nothing is sent
      const [reply] = await message(false);
      const [subscription] = await sql('select id from subscriptions where tenant_id = $1 limit 1', [ticket.tenant_id]);
      await sql(
        `update subscriptions set current_period_start = current_period_end,
           current_period_end = current_period_end + interval '1 month' where id = $1`,
        [subscription.id],
      );
      await sql("update subscriptions set status = 'PAST_DUE' where id = $1", [subscription.id]);
      const messages = await eventually(
        async () => receiver.received,
        (r) => r.length >= 3,
        { what: 'three events' },
      );
      const events = messages.map((m) => verify(secret, m));
      expect(events.map((e) => e.type).sort()).toEqual([
        'subscription.past_due',
        'subscription.renewed',
        'ticket.replied',
      ]);
      expect(events.find((e) => e.type === 'ticket.replied')!.data).toEqual({
        ticketId: ticket.ticket_id,
        messageId: reply.id,
        by: 'REQUESTER',
      });
      for (const m of messages) expect(m.body).not.toContain('Anna');
      const [{ n }] = await sql<{ n: number }>(
        'select count(*)::int as n from webhook_deliveries where endpoint_id = $1',
        [endpoint.id],
      );
      expect(n).toBe(3);
    } finally {
      await receiver.close();
    }
  });

  it('M15 S36: webhook endpoints are for admins only', async () => {
    const employee = await as(fixture.demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await employee.gql('query { webhookEndpoints { id } }'))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await employee.gql(CREATE, { input: { url: 'https://example.com/hook', events: ['customer.created'] } }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('M15 S36: ticket.created and privacy_request.received from the hosted pages, verified on loopback, with ids and no personal data; nothing is sent about a restricted contact', async () => {
    const receiver = await startReceiver();
    const [contact] = await sql(
      `select c.id, c.name, c.email, c.phone, c.customer_id from contacts c join tenants t on t.id = c.tenant_id
        where t.slug = 'jj-media' and c.email = 'anna@bageriet.example.com'`,
    );
    try {
      const {
        secret,
        endpoint: { id: endpointId },
      } = await createEndpoint(receiver.url, ['ticket.created', 'privacy_request.received']);
      const base = fixture.demo.url;
      const hosted = async (page: string, fields: Record<string, string>) => {
        const html = await (await fetch(`${base}/a/jj-media/${page}?lang=sv`)).text();
        const token = /name="_token" value="([^"]+)"/.exec(html)![1]!;
        const res = await fetch(`${base}/a/jj-media/${page}?lang=sv`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
          body: new URLSearchParams({ _token: token, ...fields }).toString(),
          redirect: 'manual',
        });
        expect(res.status).toBe(303);
      };
      const secretText = 'Mitt lösenord till WordPress är hemligt-123';
      await hosted('support', {
        name: contact.name,
        email: contact.email,
        subject: 'Sidan ligger nere',
        message: secretText,
      });
      await hosted('privacy-request', { email: contact.email, type: 'ACCESS', details: 'Allt ni har om mig' });
      // The request is received once the person follows the mailed link (P29).
      const [mail] = await eventually(
        () =>
          sql(`select payload from outbox_messages where template = 'privacy.confirm' and recipient = $1`, [
            contact.email,
          ]),
        (rows) => rows.length === 1,
        { what: 'the confirmation mail' },
      );
      const confirm = await fetch(String(mail!.payload.link), { method: 'POST' });
      expect(confirm.status).toBe(200);

      const messages = await eventually(
        async () => receiver.received,
        (r) => r.length >= 2,
        { what: 'both webhooks' },
      );
      const events = messages.map((m) => verify(secret, m)).sort((a, b) => a.type.localeCompare(b.type));
      const [ticket] = await sql(
        `select id, status, priority from support_tickets where subject = 'Sidan ligger nere'`,
      );
      const [request] = await sql(`select id, due_at from privacy_requests where requester_email = $1`, [
        contact.email,
      ]);
      expect(events).toEqual([
        {
          type: 'privacy_request.received',
          timestamp: expect.any(String),
          data: {
            privacyRequestId: request.id,
            type: 'ACCESS',
            channel: 'PUBLIC_PAGE',
            status: 'IDENTITY_VERIFIED',
            dueAt: expect.any(String),
          },
        },
        {
          type: 'ticket.created',
          timestamp: expect.any(String),
          data: {
            ticketId: ticket.id,
            customerId: contact.customer_id,
            siteId: expect.anything(),
            status: ticket.status,
            priority: ticket.priority,
            channel: 'FORM',
          },
        },
      ]);
      // Nothing about the person, nor what they wrote, in any payload or header.
      const everything = JSON.stringify(messages.map((m) => [m.headers, m.body]));
      for (const personal of [contact.name, contact.email, contact.phone, contact.id, secretText, 'Allt ni har om mig'])
        if (personal) expect(everything).not.toContain(personal);
      expect(everything).not.toMatch(/bageriet/i);

      // P28 (issue 23): once the person asked for restriction of processing, an event about her is not
      // shared at all: her next support request makes no delivery (the event is emitted, or not, in the
      // request's own transaction, so the count is final once the page has answered).
      const deliveries = async () =>
        (
          await sql<{ n: number }>('select count(*)::int as n from webhook_deliveries where endpoint_id = $1', [
            endpointId,
          ])
        )[0].n;
      const before = await deliveries();
      await sql('update contacts set processing_restricted_at = now() where id = $1', [contact.id]);
      await hosted('support', { name: contact.name, email: contact.email, subject: 'Begränsad', message: 'Hej' });
      const [restricted] = await sql(`select id from support_tickets where subject = 'Begränsad'`);
      expect(restricted).toBeDefined();
      expect(await deliveries()).toBe(before);
    } finally {
      await sql('update contacts set processing_restricted_at = null where id = $1', [contact.id]);
      await receiver.close();
    }
  });
});
