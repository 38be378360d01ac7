// Random data for the differential test of the two answer paths (issue 16): rows drawn by fast-check,
// each made from a template row of the demo's own (so every column a migration adds is filled as the
// demo fills it) with the drawn values laid over it. What the draws aim at: strings a filter may trip
// on, many rows sharing one timestamp (only the sort's tie-break orders them), tickets whose site moved
// to another customer, orders with and without a site, and contractor assignments that ended.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { queryAs } from './database';

const TENANT = 'jj-media';
const CUSTOMER_LOGIN = 'anna@bageriet.example.com';
const CONTRACTOR_LOGIN = 'kontraktor@freelance.example.com';

/** Few distinct instants, so that many rows tie on them. */
const instants = ['2026-10-01T08:00:00Z', '2026-10-01T08:00:00.5Z', '2026-11-15T12:30:00Z', '2026-12-01T00:00:00Z'];

const tricky = fc.constantFrom(
  '%',
  '_',
  '\\',
  "O'Brien",
  'Åsa Öberg',
  'Ek',
  'ber',
  'example',
  'ΑΒΓ',
  'データ',
  'a  b',
  'x',
);
const text = fc
  .array(fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(' ').trim() || 'x');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

interface Draw {
  customers: { name: string; notes: string | null; org: string | null; country: string; at: string }[];
  sites: { customer: number; status: string; at: string }[];
  tickets: {
    site: number | null;
    moved: boolean;
    subject: string;
    status: string;
    priority: string;
    channel: string;
    at: string;
  }[];
  orders: { site: number | null; status: string; total: number; at: string; paid: boolean }[];
  assignments: { site: number; ended: boolean }[];
}

const draw = (sites: number): fc.Arbitrary<Draw> =>
  fc.record({
    customers: fc.array(
      fc.record({
        name: text,
        notes: maybe(text),
        org: maybe(fc.stringMatching(/^[0-9]{6}-[0-9]{4}$/)),
        country: fc.constantFrom('SE', 'NO', 'DE', 'US'),
        at: fc.constantFrom(...instants),
      }),
      { minLength: 6, maxLength: 6 },
    ),
    sites: fc.array(
      fc.record({
        customer: fc.integer({ min: 0, max: 6 }), // 6: the customer login's own customer
        status: fc.constantFrom('ACTIVE', 'PAUSED', 'ENDED'),
        at: fc.constantFrom(...instants),
      }),
      { minLength: sites, maxLength: sites },
    ),
    tickets: fc.array(
      fc.record({
        site: maybe(fc.integer({ min: 0, max: sites - 1 })),
        moved: fc.boolean(),
        subject: text,
        status: fc.constantFrom('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'),
        priority: fc.constantFrom('LOW', 'NORMAL', 'HIGH', 'URGENT'),
        channel: fc.constantFrom('EMAIL', 'FORM', 'PORTAL'),
        at: fc.constantFrom(...instants),
      }),
      { minLength: 24, maxLength: 24 },
    ),
    orders: fc.array(
      fc.record({
        site: maybe(fc.integer({ min: 0, max: sites - 1 })),
        status: fc.constantFrom('PENDING_PAYMENT', 'PAID', 'CANCELLED'),
        total: fc.integer({ min: 0, max: 2_000_000 }),
        at: fc.constantFrom(...instants),
        paid: fc.boolean(),
      }),
      { minLength: 16, maxLength: 16 },
    ),
    assignments: fc.array(fc.record({ site: fc.integer({ min: 0, max: sites - 1 }), ended: fc.boolean() }), {
      minLength: 4,
      maxLength: 4,
    }),
  });

/**
 * Adds one draw (repeatable by `seed`) to the demo agency jj-media, as the database owner. The rows
 * are copies of a template row with the drawn columns replaced; generated columns are left to
 * PostgreSQL.
 */
export async function insertRandomData(superuserUrl: string, seed: number): Promise<void> {
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => queryAs<T>(superuserUrl, sql, params);
  const columns = new Map<string, string>();
  const clone = async (table: string, templateId: string, patch: Record<string, unknown>): Promise<string> => {
    if (!columns.has(table)) {
      const rows = await q<{ name: string }>(
        `select column_name as name from information_schema.columns
          where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
        [table],
      );
      columns.set(table, rows.map((r) => `"${r.name}"`).join(', '));
    }
    const list = columns.get(table)!;
    const id = randomUUID();
    await q(
      `insert into "${table}" (${list})
       select ${list} from jsonb_populate_record(null::"${table}",
         (select to_jsonb(t) from "${table}" t where t.id = $1) || $2::jsonb)`,
      [templateId, JSON.stringify({ ...patch, id })],
    );
    return id;
  };

  const [tenant] = await q<{ id: string }>(`select id from tenants where slug = $1`, [TENANT]);
  const [own] = await q<{ customer_id: string }>(
    `select c.customer_id from users u join contacts c on c.id = u.contact_id where u.email = $1`,
    [CUSTOMER_LOGIN],
  );
  const [contractor] = await q<{ id: string }>(`select id from users where email = $1`, [CONTRACTOR_LOGIN]);
  const template = async (table: string) =>
    (await q<{ id: string }>(`select id from "${table}" where tenant_id = $1 order by id limit 1`, [tenant.id]))[0].id;
  const [customerT, siteT, ticketT, orderT, assignmentT] = await Promise.all(
    ['customers', 'sites', 'support_tickets', 'orders', 'site_assignments'].map(template),
  );
  const [{ n: orderBase }] = await q<{ n: number }>(`select coalesce(max(number), 0)::int as n from orders`);
  const [{ n: ticketBase }] = await q<{ n: number }>(`select coalesce(max(number), 0)::int as n from support_tickets`);

  const [data] = fc.sample(draw(10), { seed, numRuns: 1 });
  const customers: string[] = [];
  for (const c of data.customers)
    customers.push(
      await clone('customers', customerT, {
        name: c.name,
        notes: c.notes,
        organisation_number: c.org,
        billing_country: c.country,
        created_at: c.at,
        updated_at: c.at,
      }),
    );
  customers.push(own.customer_id);
  const sites: { id: string; customer: string }[] = [];
  for (const [i, s] of data.sites.entries()) {
    const customer = customers[s.customer];
    const id = await clone('sites', siteT, {
      customer_id: customer,
      domain: `random-${seed}-${i}.example.com`,
      production_url: `https://random-${seed}-${i}.example.com`,
      status: s.status,
      agent_token_hash: null,
      created_at: s.at,
      updated_at: s.at,
    });
    sites.push({ id, customer });
  }
  for (const [i, t] of data.tickets.entries()) {
    const site = t.site === null ? null : sites[t.site];
    // A moved site: the ticket stays with the customer it was opened for.
    const customer = site && !t.moved ? site.customer : customers[(customers.indexOf(site?.customer ?? '') + 1) % 7];
    await clone('support_tickets', ticketT, {
      number: ticketBase + 1 + i,
      customer_id: customer,
      site_id: site?.id ?? null,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      channel: t.channel,
      created_at: t.at,
      updated_at: t.at,
    });
  }
  for (const [i, o] of data.orders.entries()) {
    const site = o.site === null ? null : sites[o.site];
    await clone('orders', orderT, {
      number: orderBase + 1 + i,
      customer_id: site?.customer ?? customers[i % 7],
      site_id: site?.id ?? null,
      subscription_id: null,
      period_start: null,
      status: o.status,
      subtotal_minor: o.total,
      vat_minor: 0,
      total_minor: o.total,
      created_at: o.at,
      updated_at: o.at,
      paid_at: o.status === 'PAID' && o.paid ? o.at : null,
      // The template may be a demo order with a refund: none on a drawn one (its total is drawn).
      refunded_minor: 0,
      refunded_at: null,
      refund_reason: null,
    });
  }
  // The ticket numbers' sequence goes on after the drawn ones.
  await q(
    `select setval(pg_get_serial_sequence('support_tickets', 'number'), (select max(number) from support_tickets))`,
  );
  const assigned = new Set<number>();
  for (const a of data.assignments) {
    if (assigned.has(a.site)) continue;
    assigned.add(a.site);
    await clone('site_assignments', assignmentT, {
      site_id: sites[a.site].id,
      user_id: contractor.id,
      starts_at: '2026-01-01T00:00:00Z',
      ends_at: a.ended ? '2026-02-01T00:00:00Z' : null,
    });
  }
}
