import { DEFAULT_SCALE, generateScale, scaledPlan, zipfSplit, type ScalePlan } from './scale';

const small: ScalePlan = { tenants: 3, customers: 60, sites: 150, orders: 600, ticketMessages: 900, seed: 7 };
const tablesOf = (plan: ScalePlan) =>
  [...generateScale(plan, 'hash')].map((agency) => Object.fromEntries(agency.tables));

describe('the scale generator', () => {
  it('splits agencies by Zipf weights: a large head, a long tail, nothing lost', () => {
    const sizes = zipfSplit(10_000, 10);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(sizes[0]).toBeGreaterThan(3 * sizes[9]);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('is deterministic: the same plan and seed give the same rows, ids included', () => {
    expect(JSON.stringify(tablesOf(small))).toBe(JSON.stringify(tablesOf(small)));
    expect(JSON.stringify(tablesOf({ ...small, seed: 8 }))).not.toBe(JSON.stringify(tablesOf(small)));
  });

  it('makes about what the plan asks for, with every foreign key pointing at a row made before it', () => {
    const agencies = tablesOf(small);
    const total = (table: string) => agencies.reduce((n, a) => n + a[table].length, 0);
    expect(total('tenants')).toBe(3);
    expect(total('customers')).toBe(60);
    expect(total('orders')).toBeGreaterThanOrEqual(590);
    expect(total('orders')).toBeLessThanOrEqual(610);
    expect(total('ticket_messages')).toBeGreaterThan(500);
    for (const a of agencies) {
      const ids = (table: string) => new Set(a[table].map((r) => r.id));
      const customers = ids('customers');
      for (const site of a.sites) expect(customers.has(site.customer_id)).toBe(true);
      const orders = ids('orders');
      for (const line of a.order_lines) expect(orders.has(line.order_id)).toBe(true);
      const tickets = ids('support_tickets');
      for (const m of a.ticket_messages) expect(tickets.has(m.ticket_id)).toBe(true);
      expect(new Set(a.orders.map((o) => o.number)).size).toBe(a.orders.length); // numbers unique per agency
    }
  });

  it('scales by a factor: ×10 of everything but the agencies', () => {
    expect(scaledPlan(DEFAULT_SCALE, 10)).toMatchObject({ tenants: 10, customers: 100_000, orders: 2_000_000 });
  });
});
