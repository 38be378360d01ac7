// S28: the server killed with SIGKILL in the middle of writes. Every write is one transaction, so
// nothing is half-written: no ticket without its first message, no privacy request without its
// receipt in the outbox, no order without its payment, no paid order without its receipt. Every
// write the server acknowledged is there, none is doubled when the payment provider sends its
// webhooks again; restarted on the same database, it serves the same sessions again and the queued
// jobs (mail in the outbox, a renewal) resume and complete.
import { demoPaymentAccounts } from '@sitecare/seeds';
import { CHECKOUTS_PER_10_MIN } from '../../server/src/auth/throttle';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeStripe, type FakeStripe, type FakeStripeEvent } from '../support/fake-payments/stripe';
import { startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';
import { startSmtp, type LocalSmtp } from '../support/smtp';
import { eventually } from '../support/wait';
import { CHECKOUT, plusCheckout, plusPackageId } from '../support/checkout';

// `pnpm test:faults` (SITECARE_FAULTS=full): several kill/restart rounds on the same database.
const ROUNDS = process.env.SITECARE_FAULTS === 'full' ? 4 : 1;

let demo: DemoApp;
let stripe: FakeStripe;
let smtp: LocalSmtp;
let env: Record<string, string>;
let restarted: SitecareProcess | undefined;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: demoPaymentAccounts['jj-media'].stripe.webhookSecret });
  smtp = await startSmtp();
  env = { STRIPE_API_BASE: stripe.baseUrl, SMTP_URL: smtp.url, MAIL_FROM: 'JJ Media <no-reply@jj-media.example.com>' };
  // The first server's mail relay is down (nothing listens there): its mail waits in the outbox
  // when it is killed, and the restarted servers (relay up) must send it.
  const gone = await startSmtp();
  await gone.close();
  demo = await startDemoApp({ ...env, SMTP_URL: gone.url });
}, 60_000);
afterAll(async () => {
  await restarted?.stop();
  await demo?.stop();
  await stripe?.close();
  await smtp?.close();
});

const TICKET = 'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }';
const REQUEST = 'mutation($i: PrivacyRequestPortalInput!) { privacyRequestFile(input: $i) { id } }';

/** Everything the payment provider has sent (or will send again): each completed session's event. */
const events: Array<{ orderId: string; event: FakeStripeEvent }> = [];
const started = new Date();
/** The mail the first kill left unsent in the outbox. */
let unsentAtKill: Array<{ id: string; recipient: string }> = [];
/** The subscription whose renewal was queued while the server was down, and that job. */
let renewal: { id: string; periodStart: Date; job: string };
const deliver = (url: string, event: FakeStripeEvent) =>
  fetch(`${url}/webhooks/stripe/jj-media`, { method: 'POST', ...stripe.signedDelivery(event) });

/** Eight writers on `client`; the server is killed 1.5 s in; then nothing is half-written and all acknowledged is there. */
async function killDuringWrites(server: SitecareProcess, anna: ApiClient, round: number): Promise<void> {
  const acknowledged = {
    tickets: new Set<string>(),
    requests: new Set<string>(),
    orders: new Set<string>(),
    paid: new Set<string>(),
  };
  const packageId = await plusPackageId(sql);
  const unpaid: string[] = [];
  // Checkouts without a login are rate-limited per IP (all rounds come from this one): share the budget.
  let checkoutsLeft = Math.floor(CHECKOUTS_PER_10_MIN / ROUNDS) - 1;
  const anonymous = new ApiClient(server.url);
  let stop = false;
  let checkoutError = '';
  const writer = async (n: number) => {
    for (let i = 0; !stop; i++) {
      try {
        if (i % 5 === 4) {
          const res = await anna.gql(REQUEST, { i: { type: 'RESTRICTION', details: `crash ${round}.${n}.${i}` } });
          if (res.data?.privacyRequestFile) acknowledged.requests.add(res.data.privacyRequestFile.id);
        } else if (i % 5 === 2 && unpaid.length > 0) {
          // The provider tells us an order was paid: the signed webhook of its completed checkout session.
          const orderId = unpaid.shift()!;
          const [{ session }] = await sql(`select provider_reference as session from payments where order_id = $1`, [
            orderId,
          ]);
          const event = stripe.completeSession(session);
          events.push({ orderId, event });
          const res = await deliver(server.url, event);
          if (res.status === 200) acknowledged.paid.add(orderId);
        } else if (i % 5 === 0 && checkoutsLeft-- > 0) {
          const res = await anonymous.gql(CHECKOUT, {
            i: plusCheckout(
              packageId,
              {
                name: `Krasch ${round}.${n}.${i}`,
                email: `krasch-${round}-${n}-${i}@example.com`,
                company: `Krasch ${round}.${n}.${i} AB`,
                country: 'SE',
                preferredLanguage: 'sv',
              },
              { siteDomain: `krasch-${round}-${n}-${i}.example.com` },
            ),
          });
          if (res.errors && !checkoutError) checkoutError = JSON.stringify(res.errors);
          if (res.data?.checkout) {
            acknowledged.orders.add(res.data.checkout.orderId);
            unpaid.push(res.data.checkout.orderId);
          }
        } else {
          const res = await anna.gql(TICKET, {
            i: { subject: `Krasch ${round}.${n}.${i}`, body: `Meddelande ${n}.${i}` },
          });
          if (res.data?.supportTicketCreate) acknowledged.tickets.add(res.data.supportTicketCreate.id);
        }
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, n) => writer(n));
  // Killed 1.5 s in, once the provider has confirmed a payment (on a slow machine that takes longer).
  await new Promise((r) => setTimeout(r, 1500));
  await eventually(
    async () => acknowledged.paid.size,
    (paid) => paid > 0,
    { timeoutMs: 30_000, what: 'an acknowledged payment webhook' },
  );
  server.child.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  expect(acknowledged.tickets.size).toBeGreaterThan(0);
  expect({ orders: acknowledged.orders.size > 0, checkoutError }).toEqual({ orders: true, checkoutError: '' });
  expect(acknowledged.paid.size).toBeGreaterThan(0);

  // Nothing half-written: every ticket has its first message, every request its receipt.
  const orphans = await sql(
    `select t.id from support_tickets t where not exists (select 1 from ticket_messages m where m.ticket_id = t.id)`,
  );
  expect(orphans).toEqual([]);
  const unreceipted = await sql(
    `select r.id from privacy_requests r where r.details like 'crash %' and not exists
         (select 1 from outbox_messages o where o.template = 'privacy.received' and o.recipient = r.requester_email
            and o.created_at >= r.created_at - interval '1 second')`,
  );
  expect(unreceipted).toEqual([]);
  if (round === 1)
    unsentAtKill = await sql(`select id, recipient from outbox_messages where status <> 'SENT' and created_at >= $1`, [
      started,
    ]);
  if (round === ROUNDS) {
    // While no server runs, a renewal falls due and its job is queued (as the 06:00 schedule does).
    [renewal] = await sql(
      `select s.id, s.current_period_end as "periodStart" from subscriptions s join tenants t on t.id = s.tenant_id
        where t.slug = 'jj-media' and s.status = 'ACTIVE' and s.provider = 'STRIPE' limit 1`,
    );
    await sql(`update subscriptions set next_renewal_at = now() - interval '1 minute' where id = $1`, [renewal.id]);
    [renewal.job] = (
      await sql(`insert into pgboss.job (name, data) values ('subscriptions.renew', '{}'::jsonb) returning id`)
    ).map((r) => r.id);
  }
  // Every order has exactly one payment, in the same state; a paid order has its receipt (once).
  expect(await crashOrderFaults()).toEqual([]);
  // Every acknowledged write is there.
  const tickets = new Set(
    (await sql<{ id: string }>(`select id from support_tickets where subject like 'Krasch %'`)).map((r) => r.id),
  );
  for (const id of acknowledged.tickets) expect(tickets.has(id)).toBe(true);
  const requests = new Set(
    (await sql<{ id: string }>(`select id from privacy_requests where details like 'crash %'`)).map((r) => r.id),
  );
  for (const id of acknowledged.requests) expect(requests.has(id)).toBe(true);
  const orders = new Map((await crashOrders()).map((o) => [o.id, o] as const));
  for (const id of acknowledged.orders) expect({ id, found: orders.has(id) }).toEqual({ id, found: true });
  for (const id of acknowledged.paid) expect({ id, ...orders.get(id) }).toMatchObject({ id, status: 'PAID' });
  console.log(
    `S28 round ${round}: ${acknowledged.tickets.size} tickets, ${acknowledged.requests.size} requests, ` +
      `${acknowledged.orders.size} orders and ${acknowledged.paid.size} payment webhooks acknowledged before the kill; ` +
      `${tickets.size}, ${requests.size} and ${orders.size} orders found after it, none half-written`,
  );
}

/** The crash test's orders with their payments' count and state and their receipts in the outbox. */
const crashOrders = () =>
  sql<{ id: string; status: string; payments: number; payment: string; receipts: number; email: string }>(
    `select o.id, o.status, count(distinct p.id)::int as payments, min(p.status) as payment, k.email,
            (select count(*)::int from outbox_messages m where m.template = 'order.receipt' and m.recipient = k.email) as receipts
       from orders o join customers c on c.id = o.customer_id join contacts k on k.customer_id = c.id
       left join payments p on p.order_id = o.id
      where c.name like 'Krasch %' group by o.id, o.status, k.email`,
  );
const crashOrderFaults = async () =>
  (await crashOrders()).filter(
    (o) =>
      o.payments !== 1 ||
      (o.status === 'PAID') !== (o.payment === 'PAID') ||
      o.receipts !== (o.status === 'PAID' ? 1 : 0),
  );

describe('S28: killed in the middle of writes', () => {
  it(
    'S28: after SIGKILL nothing is half-written, every acknowledged write is there, and a restart serves again',
    async () => {
      const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
      let server: SitecareProcess = demo.app;
      for (let round = 1; round <= ROUNDS; round++) {
        const client = new ApiClient(server.url);
        client.cookie = anna.cookie;
        await killDuringWrites(server, client, round);
        // Restarted on the same database, it serves again, with the same session.
        restarted = await startSitecareProcess({ ...demo.db.env, ...env, SITECARE_DEMO: 'true', PORT: '0' });
        server = restarted;
        const again = new ApiClient(restarted.url);
        again.cookie = anna.cookie;
        const { me } = await again.ok('{ me { user { email } } }');
        expect(me.user.email).toBe('anna@bageriet.example.com');
      }
    },
    60_000 + ROUNDS * 60_000,
  );

  it('S28: the provider sends every webhook again: each order is paid once, with one payment and one receipt', async () => {
    expect(events.length).toBeGreaterThan(0);
    for (const { event } of events) expect((await deliver(restarted!.url, event)).status).toBe(200);
    const orders = await crashOrders();
    const paid = new Set(events.map((e) => e.orderId));
    expect(orders.filter((o) => paid.has(o.id)).map((o) => o.status)).toEqual([...paid].map(() => 'PAID'));
    expect(await crashOrderFaults()).toEqual([]);
    const [{ audits }] = await sql(
      `select count(*)::int - count(distinct detail->>'orderId')::int as audits from audit_events where action = 'payment.paid'`,
    );
    expect(audits).toBe(0); // no order was marked paid twice
  }, 60_000);

  it('S28: queued jobs resume after the kill: the mail in the outbox is sent, and a renewal queued while the server was down is placed once', async () => {
    const renewals = await eventually(
      () =>
        sql(`select id from orders where subscription_id = $1 and period_start = $2`, [
          renewal.id,
          renewal.periodStart,
        ]),
      (rows) => rows.length > 0,
      { timeoutMs: 60_000, what: 'the renewal order' },
    );
    expect(renewals).toHaveLength(1);
    // It was the queued job that placed it, run once to completion.
    const runs = await eventually(
      () => sql(`select state from pgboss.job where id = $1`, [renewal.job]),
      (rows) => rows[0]?.state === 'completed',
      { timeoutMs: 30_000, what: 'the renewal job to complete' },
    );
    expect(runs.map((r) => r.state)).toEqual(['completed']); // (a first attempt may be retried: still one order)
    // Every mail the crash left in the outbox, and the renewal's own, is sent and arrives.
    expect(unsentAtKill.length).toBeGreaterThan(0);
    const pending = await eventually(
      () =>
        sql(`select id, recipient, template, status from outbox_messages where status <> 'SENT' and created_at >= $1`, [
          started,
        ]),
      (rows) => rows.length === 0,
      { timeoutMs: 120_000, what: 'the outbox to be sent' },
    );
    expect(pending).toEqual([]);
    const arrived = (recipient: string) => smtp.received.some((m) => JSON.stringify(m.to ?? '').includes(recipient));
    for (const { id, recipient } of unsentAtKill)
      expect({ id, recipient, arrived: arrived(recipient) }).toEqual({ id, recipient, arrived: true });
    console.log(`S28: ${unsentAtKill.length} mails the kill left unsent were sent after the restart`);
  }, 240_000);
});
