// The scale generator for benchmarks: agencies of skewed sizes with customers, contacts, sites,
// orders (with lines and payments), subscriptions and tickets (with messages), as plain rows named like the tables'
// columns. Deterministic: the same plan and seed give the same rows, ids included (a seeded faker).
// Swedish and English names, as an agency in Sweden would have. The loader (server/src/db/scale.ts)
// streams the rows into PostgreSQL with COPY.
import type { Faker } from '@faker-js/faker';

import { demoPackagePrices, demoPackages, RECURRING_CONSENT_TEXT } from './demo-care';

// Loaded at first use: faker's locales are a tenth of a server's start-up, and only the generator needs
// them, not the server or the CLI that import this package for the demo data (issue 24).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakerModule = (): typeof import('@faker-js/faker') => require('@faker-js/faker');

export interface ScalePlan {
  tenants: number;
  customers: number;
  sites: number;
  orders: number;
  ticketMessages: number;
  seed: number;
}

/** The default scale: ~10k customers, 30k sites, 200k orders and 500k ticket messages in 10 agencies. */
export const DEFAULT_SCALE: ScalePlan = {
  tenants: 10,
  customers: 10_000,
  sites: 30_000,
  orders: 200_000,
  ticketMessages: 500_000,
  seed: 20261125,
};

export function scaledPlan(plan: ScalePlan, factor: number): ScalePlan {
  return {
    ...plan,
    customers: plan.customers * factor,
    sites: plan.sites * factor,
    orders: plan.orders * factor,
    ticketMessages: plan.ticketMessages * factor,
  };
}

/**
 * Splits `total` over `parts` with Zipf weights (1, 1/2, 1/3, …): a few large agencies and a long
 * tail, as in any market. Every part gets at least one; the parts sum to `total`.
 */
export function zipfSplit(total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  sizes[0] += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

export type Row = Record<string, string | number | boolean | null>;

/** One agency's rows, in an order that satisfies the foreign keys. */
export interface ScaleTenant {
  slug: string;
  tables: [table: string, rows: Row[]][];
}

const DAY = 86_400_000;
const VAT_BP = 2500;
const PLATFORMS = ['WORDPRESS', 'WORDPRESS', 'WOOCOMMERCE', 'WEBFLOW', 'STATIC', 'OTHER'];
const PROVIDERS = ['STRIPE', 'STRIPE', 'MOLLIE', 'PAYPAL'];
const TICKET_STATUSES = ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'CLOSED'];
const MESSAGES_PER_TICKET = (5 / 6) * 5 + (1 / 6) * 1;
const PRIORITIES = ['LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'];

/** Order status by weight: mostly paid. */
function orderStatus(r: number): string {
  if (r < 0.85) return 'PAID';
  if (r < 0.9) return 'PENDING_PAYMENT';
  if (r < 0.95) return 'CANCELLED';
  return 'REFUNDED';
}
const PAYMENT_STATUS: Record<string, string> = {
  PAID: 'PAID',
  PENDING_PAYMENT: 'PENDING',
  CANCELLED: 'FAILED',
  REFUNDED: 'REFUNDED',
};

/** Spreads `total` children over `parents` with a skew (some parents have many). */
function spread(faker: Faker, total: number, parents: number): number[] {
  const counts = new Array<number>(parents).fill(0);
  for (let i = 0; i < total; i++) {
    // Half uniformly, half towards the first parents: a heavy head within each agency.
    const r = faker.number.float({ min: 0, max: 1 });
    const index = i % 2 === 0 ? faker.number.int({ max: parents - 1 }) : Math.floor(parents * r * r);
    counts[index]++;
  }
  return counts;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Yields the agencies one by one (so the loader holds one agency's rows at a time). `passwordHash`
 * is given to every staff login (the bench logs in with its password); `now` fixes the dates.
 */
export function* generateScale(
  plan: ScalePlan,
  passwordHash: string,
  now = Date.UTC(2026, 10, 1),
): Generator<ScaleTenant> {
  const { Faker, base, en, sv } = fakerModule();
  const faker = new Faker({ locale: [sv, en, base], seed: plan.seed });
  const english = new Faker({ locale: [en, base], seed: plan.seed + 1 });
  // The subscriptions draw from their own faker, so the rows drawn before them stay as they were.
  const recurring = new Faker({ locale: [base], seed: plan.seed + 2 });
  const customerSizes = zipfSplit(plan.customers, plan.tenants);
  const share = (total: number, t: number) => Math.round((total * customerSizes[t]) / plan.customers);

  for (let t = 0; t < plan.tenants; t++) {
    const slug = `scale-${String(t + 1).padStart(2, '0')}`;
    const domain = `${slug}.example.com`;
    const tenantId = faker.string.uuid();
    const created = iso(now - 1200 * DAY);
    const tenantName = `${faker.company.name()} (${slug})`;
    const tenant: Row = {
      id: tenantId,
      created_at: created,
      updated_at: created,
      name: tenantName,
      slug,
      country: 'SE',
      default_language: 'sv',
      privacy_contact_email: `privacy@${domain}`,
      supervisory_authority_name: 'Integritetsskyddsmyndigheten (IMY)',
      supervisory_authority_url: 'https://www.imy.se',
      timezone: 'Europe/Stockholm',
      vat_rate_basis_points: VAT_BP,
      privacy_salt: faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
    };
    const own = (row: Row): Row => ({ created_at: created, updated_at: created, tenant_id: tenantId, ...row });

    const staff = [
      ['ADMIN', 'admin'],
      ['EMPLOYEE', 'employee1'],
      ['EMPLOYEE', 'employee2'],
      ['EMPLOYEE', 'employee3'],
      ['CONTRACTOR', 'contractor1'],
      ['CONTRACTOR', 'contractor2'],
      ['CONTRACTOR', 'contractor3'],
    ].map(([role, local]) =>
      own({
        id: faker.string.uuid(),
        email: `${local}@${domain}`,
        name: faker.person.fullName(),
        preferred_language: 'sv',
        role,
        status: 'ACTIVE',
        password_hash: passwordHash,
      }),
    );
    const employees = staff.filter((u) => u.role !== 'CONTRACTOR');
    const contractors = staff.filter((u) => u.role === 'CONTRACTOR');

    const packages = demoPackages.map(({ key: _key, monthlySekMinor, ...p }) => {
      const prices = demoPackagePrices(monthlySekMinor);
      return {
        row: own({
          id: faker.string.uuid(),
          name_sv: p.nameSv,
          name_en: p.nameEn,
          description_sv: p.descriptionSv,
          description_en: p.descriptionEn,
          backups: p.backups,
          updates: p.updates,
          uptime_monitoring: p.uptimeMonitoring,
          support_hours_per_month: p.supportHoursPerMonth,
          response_time_hours: p.responseTimeHours,
          prices: JSON.stringify(prices),
          active: true,
        }),
        monthly: monthlySekMinor,
        name: p.nameSv,
      };
    });

    const customers: Row[] = [];
    const contacts: Row[] = [];
    const contactsOf: Row[][] = [];
    for (let c = 0; c < customerSizes[t]; c++) {
      const swedish = faker.number.float({ min: 0, max: 1 }) < 0.8;
      const people = swedish ? faker : english;
      const company = people.company.name();
      const customerId = faker.string.uuid();
      const since = iso(now - faker.number.int({ min: 30, max: 1100 }) * DAY);
      customers.push(
        own({
          id: customerId,
          created_at: since,
          name: company,
          organisation_number: swedish ? `55${faker.string.numeric(4)}-${faker.string.numeric(4)}` : null,
          billing_country: swedish ? 'SE' : faker.helpers.arrayElement(['GB', 'US', 'NL', 'DE']),
          notes: null,
        }),
      );
      const own_: Row[] = [];
      for (let k = 0, n = faker.number.int({ min: 1, max: 3 }); k < n; k++) {
        const first = people.person.firstName();
        const last = people.person.lastName();
        own_.push(
          own({
            id: faker.string.uuid(),
            created_at: since,
            customer_id: customerId,
            name: `${first} ${last}`,
            email: faker.internet.email({ firstName: first, lastName: last, provider: 'example.com' }).toLowerCase(),
            phone: swedish ? `+4670${faker.string.numeric(7)}` : null,
            postal_code: swedish ? faker.string.numeric(5) : null,
            country: swedish ? 'SE' : null,
            preferred_language: swedish ? 'sv' : 'en',
            social_identities: '[]',
            notes: null,
          }),
        );
      }
      contacts.push(...own_);
      contactsOf.push(own_);
    }

    const sites: Row[] = [];
    const sitesOf: Row[][] = customers.map(() => []);
    const siteCounts = spread(faker, Math.max(customers.length, share(plan.sites, t)), customers.length);
    siteCounts.forEach((count, c) => {
      for (let s = 0; s < Math.max(1, count); s++) {
        const name = `${faker.internet.domainWord()}-${faker.string.alphanumeric({ length: 4, casing: 'lower' })}`;
        const pkg = faker.helpers.arrayElement(packages);
        const site = own({
          id: faker.string.uuid(),
          customer_id: customers[c].id,
          domain: `${name}.example.se`,
          platform: faker.helpers.arrayElement(PLATFORMS),
          production_url: `https://${name}.example.se`,
          staging_url: faker.datatype.boolean() ? `https://staging.${name}.example.se` : null,
          status: faker.number.float({ min: 0, max: 1 }) < 0.9 ? 'ACTIVE' : 'PAUSED',
          service_package_id: pkg.row.id,
        });
        sites.push(site);
        sitesOf[c].push(site);
      }
    });
    // Each contractor is assigned about one site in twenty.
    const assignments: Row[] = sites
      .filter(() => faker.number.int({ max: 19 }) === 0)
      .map((site) =>
        own({
          id: faker.string.uuid(),
          site_id: site.id,
          user_id: faker.helpers.arrayElement(contractors).id,
          starts_at: created,
          ends_at: null,
          reason: 'Löpande underhåll',
        }),
      );

    const orders: Row[] = [];
    const lines: Row[] = [];
    const payments: Row[] = [];
    let number = 0;
    spread(faker, share(plan.orders, t), customers.length).forEach((count, c) => {
      for (let o = 0; o < count; o++) {
        const pkg = faker.helpers.arrayElement(packages);
        const yearly = faker.number.int({ max: 9 }) === 0;
        const subtotal = yearly ? pkg.monthly * 10 : pkg.monthly;
        const vat = Math.round((subtotal * VAT_BP) / 10_000);
        const status = orderStatus(faker.number.float({ min: 0, max: 1 }));
        const at = now - faker.number.int({ min: 0, max: 1095 }) * DAY - faker.number.int({ max: DAY - 1 });
        const paidAt = status === 'PAID' || status === 'REFUNDED' ? iso(at + 60_000) : null;
        const provider = faker.helpers.arrayElement(PROVIDERS);
        const orderId = faker.string.uuid();
        const site = sitesOf[c].length ? faker.helpers.arrayElement(sitesOf[c]) : null;
        orders.push(
          own({
            id: orderId,
            created_at: iso(at),
            updated_at: iso(at),
            number: ++number,
            customer_id: customers[c].id,
            contact_id: contactsOf[c][0].id,
            site_id: site?.id ?? null,
            status,
            provider,
            currency: 'SEK',
            subtotal_minor: subtotal,
            vat_rate_basis_points: VAT_BP,
            // Issue 19: every benchmark order is charged the agency's own rate (no faker draw: same data).
            vat_reason: 'DOMESTIC',
            buyer_type: 'COMPANY',
            buyer_country: customers[c].billing_country,
            vat_minor: vat,
            total_minor: subtotal + vat,
            ip: faker.internet.ipv4(),
            user_agent: faker.internet.userAgent(),
            paid_at: paidAt,
          }),
        );
        lines.push(
          own({
            id: faker.string.uuid(),
            created_at: iso(at),
            order_id: orderId,
            service_package_id: pkg.row.id,
            description: `${pkg.name} (${yearly ? 'årsvis' : 'månadsvis'})${site ? ` – ${site.domain}` : ''}`,
            interval: yearly ? 'YEARLY' : 'MONTHLY',
            quantity: 1,
            unit_price_minor: subtotal,
            total_minor: subtotal,
          }),
        );
        payments.push(
          own({
            id: faker.string.uuid(),
            created_at: iso(at),
            order_id: orderId,
            provider,
            provider_reference: `scale_${provider.toLowerCase()}_${orderId}`,
            method: provider === 'PAYPAL' ? 'paypal' : 'card',
            amount_minor: subtotal + vat,
            currency: 'SEK',
            status: PAYMENT_STATUS[status],
            paid_at: paidAt,
          }),
        );
      }
    });

    // About one customer in three pays a care package by subscription, started by one of its paid
    // orders: most active (renewing within the period), some past due, some cancelled.
    const subscriptions: Row[] = [];
    const firstPaid = new Map<Row[string], number>();
    orders.forEach((o, i) => {
      if (o.status === 'PAID' && !firstPaid.has(o.customer_id)) firstPaid.set(o.customer_id, i);
    });
    for (const [customerId, i] of firstPaid) {
      if (recurring.number.int({ max: 2 }) !== 0) continue;
      const order = orders[i];
      const line = lines[i];
      const yearly = line.interval === 'YEARLY';
      const roll = recurring.number.float({ min: 0, max: 1 });
      const status = roll < 0.8 ? 'ACTIVE' : roll < 0.9 ? 'PAST_DUE' : 'CANCELLED';
      const periodDays = yearly ? 365 : 30;
      const end = now + (status === 'PAST_DUE' ? -1 : 1) * recurring.number.int({ min: 1, max: periodDays - 1 }) * DAY;
      const start = end - periodDays * DAY;
      subscriptions.push(
        own({
          id: recurring.string.uuid(),
          created_at: order.created_at,
          updated_at: iso(start),
          customer_id: customerId,
          site_id: order.site_id,
          service_package_id: line.service_package_id,
          first_order_id: order.id,
          interval: line.interval,
          currency: 'SEK',
          status,
          provider: order.provider,
          provider_reference: `scale_sub_${order.id}`,
          current_period_start: iso(start),
          current_period_end: iso(end),
          next_renewal_at: iso(end),
          recurring_consent: JSON.stringify({
            givenAt: order.created_at,
            wording: RECURRING_CONSENT_TEXT,
            ip: order.ip,
            userAgent: order.user_agent,
          }),
          cancelled_at: status === 'CANCELLED' ? iso(start + DAY) : null,
          cancel_reason: status === 'CANCELLED' ? 'Flyttar sidan till egen drift' : null,
          pending_method_reference: null,
          period_anchor: order.created_at,
        }),
      );
    }

    const tickets: Row[] = [];
    const messages: Row[] = [];
    const messageTotal = share(plan.ticketMessages, t);
    // A ticket has 1 message when new, else 2–8 (4.33 on average).
    spread(faker, Math.max(1, Math.round(messageTotal / MESSAGES_PER_TICKET)), customers.length).forEach((count, c) => {
      for (let k = 0; k < count; k++) {
        const at = now - faker.number.int({ min: 0, max: 700 }) * DAY;
        const contact = faker.helpers.arrayElement(contactsOf[c]);
        const site = sitesOf[c].length ? faker.helpers.arrayElement(sitesOf[c]) : null;
        const status = faker.helpers.arrayElement(TICKET_STATUSES);
        const ticketId = faker.string.uuid();
        const answered = status !== 'NEW';
        const due = at + 24 * 3_600_000;
        tickets.push(
          own({
            id: ticketId,
            created_at: iso(at),
            updated_at: iso(at),
            subject: faker.helpers.arrayElement([
              'Sidan laddar långsamt',
              'Uppdatera tillägg',
              'Formuläret skickar inte',
              'Byt bild på startsidan',
              'Certifikatet har gått ut',
              'Please add a new page',
              'Checkout error on mobile',
            ]),
            customer_id: customers[c].id,
            contact_id: contact.id,
            site_id: site?.id ?? null,
            requester_name: null,
            requester_email: null,
            status,
            priority: faker.helpers.arrayElement(PRIORITIES),
            assignee_id: answered ? faker.helpers.arrayElement(employees).id : null,
            channel: faker.helpers.arrayElement(['PORTAL', 'FORM', 'EMAIL']),
            first_response_due_at: iso(due),
            first_responded_at: answered ? iso(at + faker.number.int({ min: 1, max: 30 }) * 3_600_000) : null,
            // Unanswered past its due time: the staff were told then (the overdue job marks it, issue 18),
            // as in an installation that has been running; otherwise its first start would mark
            // thousands of tickets at once.
            breach_notified_at: answered ? null : iso(due),
            password_flagged: false,
          }),
        );
        for (let m = 0, n = answered ? faker.number.int({ min: 2, max: 8 }) : 1; m < n; m++) {
          const fromStaff = m % 2 === 1;
          const staffer = fromStaff ? faker.helpers.arrayElement(employees) : undefined;
          messages.push(
            own({
              id: faker.string.uuid(),
              created_at: iso(at + m * 3_600_000),
              updated_at: iso(at + m * 3_600_000),
              ticket_id: ticketId,
              author_user_id: staffer?.id ?? null,
              author_name: staffer ? null : contact.name,
              body: faker.lorem.sentences({ min: 1, max: 4 }),
              internal: fromStaff && faker.number.int({ max: 9 }) === 0,
              password_hints: '[]',
            }),
          );
        }
      }
    });

    yield {
      slug,
      tables: [
        ['tenants', [tenant]],
        ['users', staff],
        ['service_packages', packages.map((p) => p.row)],
        ['customers', customers],
        ['contacts', contacts],
        ['sites', sites],
        ['site_assignments', assignments],
        ['orders', orders],
        ['order_lines', lines],
        ['payments', payments],
        ['subscriptions', subscriptions],
        ['support_tickets', tickets],
        ['ticket_messages', messages],
      ],
    };
  }
}
