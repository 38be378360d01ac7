// Loads the demo data set from @sitecare/seeds into an empty database, in one transaction, as the
// tables' owner (the system path: no request, no viewer, every tenant).
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import { decideVat, vatOf } from '../modules/invoices/vat';
import { BgMaxImport, BgMaxImportRow, BgMaxRowResult } from '../modules/invoices/bgmax-import.entity';
import { creditOrderAmount, creditOrderInFull, issueInvoice } from '../modules/invoices/invoice.service';
import { markInvoicePaid } from '../modules/invoices/pay-by-invoice.service';
import pino from 'pino';
import { systemContext, useTenant, type AppServices } from '../graphql/context';
import { asSupportedLanguage } from '@sitecare/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_EMAIL,
  DEMO_TOTP_SECRET,
  DEMO_PASSKEY,
  LEAD_CONSENT_TEXT,
  demoLeads,
  demoPackages,
  demoPaymentAccounts,
  demoSavedCards,
  demoTenants,
  demoTickets,
  type DemoCustomer,
  type DemoPackage,
  type DemoPaymentAccounts,
  type DemoTicket,
} from '@sitecare/seeds';
import { redactForStorage } from '../privacy/redaction';
import { Lead, LeadStatus } from '../modules/leads/lead.entity';
import { OutboxMessage, OutboxStatus } from '../modules/mail/outbox-message.entity';
import { formatMoney, renderSubject, type MailTemplate } from '../modules/mail/templates';
import { lineDescription } from '../modules/orders/checkout.service';
import { Order, OrderLine, OrderStatus, PaymentProvider } from '../modules/orders/order.entity';
import { Refund } from '../modules/payments/refund.entity';
import { Payment, PaymentStatus } from '../modules/payments/payment.entity';
import { PAYMENT_SECRETS } from '../modules/payments/accounts';
import { AgencySecret } from '../modules/agency-secrets/agency-secret.entity';
import { sealAgencySecret } from '../modules/agency-secrets/agency-secret.service';
import { Subscription, SubscriptionStatus } from '../modules/subscriptions/subscription.entity';
import { nthPeriodEnd } from '../modules/subscriptions/periods';
import { BillingInterval, ServicePackage } from '../modules/packages/service-package.entity';
import { SupportTicket, TicketChannel, TicketPriority, TicketStatus } from '../modules/tickets/support-ticket.entity';
import { TicketMessage } from '../modules/tickets/ticket-message.entity';
import { TicketTimeEntry } from '../modules/ticket-time/time-entry.entity';
import { encryptionContext } from '../modules/credentials/credential.service';
import { sealTotpSecret } from '../modules/auth/second-factor.service';
import { Passkey } from '../modules/auth/passkey.entity';
import { CredentialKind, SiteCredential } from '../modules/credentials/site-credential.entity';
import { Contact } from '../modules/customers/contact.entity';
import { Customer } from '../modules/customers/customer.entity';
import { SiteAssignment } from '../modules/sites/site-assignment.entity';
import { SiteBackup } from '../modules/sites/site-backup.entity';
import { Site, SitePlatform, SiteStatus } from '../modules/sites/site.entity';
import type { Keyring } from '../secrets/keyring';
import { seedIntegrations } from '../modules/webhooks/webhook.seed';
import { hashPassword } from '../auth/passwords';
import { AuditActorType, AuditEvent, AuditOutcome } from '../modules/audit/audit-event.entity';
import { createTenant } from '../modules/tenants/tenant.service';
import { seedConsents } from '../modules/consents/consent.seed';
import { seedCampaigns } from '../modules/marketing/campaign.seed';
import { seedRegisters } from '../modules/processors/registers.seed';
import { Tenant } from '../modules/tenants/tenant.entity';
import { User, UserStatus } from '../modules/users/user.entity';
import { seedPrivacyRequests } from '../modules/privacy-requests/privacy-request.seed';
import { seedCareRecords, seedCheckHistory } from '../modules/monitoring/care.seed';

export interface DemoSummary {
  tenants: Array<{ name: string; slug: string; users: number; customers: number }>;
}

const DAY = 24 * 3600_000;
const RECURRING_CONSENT_TEXT =
  'Jag godkänner att abonnemanget förnyas och debiteras automatiskt varje period tills jag säger upp det. / I agree that the subscription renews and is charged automatically each period until I cancel.';

function seedPackage(em: EntityManager, tenant: Tenant, p: DemoPackage): ServicePackage {
  const { key: _key, monthlySekMinor, ...fields } = p;
  // Yearly: ten months' price; EUR and USD at round demo rates.
  const prices = (['SEK', 'EUR', 'USD'] as const).flatMap((currency) => {
    const monthly =
      currency === 'SEK'
        ? monthlySekMinor
        : Math.round(monthlySekMinor / (currency === 'EUR' ? 11.5 : 10.5) / 100) * 100;
    return [
      { interval: BillingInterval.MONTHLY, currency, amountMinor: monthly },
      { interval: BillingInterval.YEARLY, currency, amountMinor: monthly * 10 },
    ];
  });
  return em.create(ServicePackage, { tenant, ...fields, prices });
}

function seedTicket(em: EntityManager, tenant: Tenant, d: DemoTicket, customers: SeededCustomer[], staff: User) {
  const { customer, contacts, sites } = customers[d.customer % customers.length];
  const site = d.site === undefined ? null : (sites[d.site] ?? null);
  const created = new Date(Date.now() - 3 * DAY);
  const hours = site?.servicePackage?.responseTimeHours ?? 24;
  const ticket = em.create(SupportTicket, {
    tenant,
    subject: d.subject,
    customer,
    contact: contacts[0] ?? null,
    site,
    status: d.status as TicketStatus,
    priority: d.priority as TicketPriority,
    channel: d.channel as TicketChannel,
    createdAt: created,
    firstResponseDueAt: new Date(created.getTime() + hours * 3600_000),
    firstRespondedAt: d.messages.some((m) => m.from === 'staff' && !m.internal)
      ? new Date(created.getTime() + 3600_000)
      : null,
    assignee: d.status === 'NEW' ? null : staff,
  });
  d.messages.forEach((m, i) => {
    const redacted = redactForStorage(m.body);
    if (redacted.passwordHints.length) ticket.passwordFlagged = true;
    em.create(TicketMessage, {
      tenant,
      ticket,
      authorUser: m.from === 'staff' ? staff : null,
      authorName: m.from === 'customer' ? (contacts[0]?.name ?? null) : null,
      body: redacted.text,
      internal: m.internal ?? false,
      passwordHints: redacted.passwordHints,
      createdAt: new Date(created.getTime() + i * 3600_000),
    });
  });
  for (const t of d.time ?? [])
    em.create(TicketTimeEntry, {
      tenant,
      ticket,
      user: staff,
      minutes: t.minutes,
      note: t.note,
      spentAt: new Date(Date.now() - t.daysAgo * DAY),
    });
}

/** The demo's saved card for a Stripe subscription of this agency (`cus_…/pm_…`), as a checkout keeps it. */
function savedCardOf(tenant: Tenant, provider: PaymentProvider): string | null {
  const card = demoSavedCards[tenant.slug as keyof typeof demoSavedCards];
  return card && provider === PaymentProvider.STRIPE ? `${card.customer}/${card.paymentMethod}` : null;
}

/** One order in every status, with its payment, from the first customers and packages. */
function seedOrders(em: EntityManager, tenant: Tenant, customers: SeededCustomer[], packages: ServicePackage[]) {
  const statuses = [
    OrderStatus.PAID,
    OrderStatus.PAID,
    OrderStatus.PENDING_PAYMENT,
    OrderStatus.CANCELLED,
    OrderStatus.REFUNDED,
  ];
  const providers = [PaymentProvider.STRIPE, PaymentProvider.MOLLIE, PaymentProvider.PAYPAL];
  const paymentStatus = {
    PAID: PaymentStatus.PAID,
    PENDING_PAYMENT: PaymentStatus.PENDING,
    CANCELLED: PaymentStatus.FAILED,
    PARTIALLY_REFUNDED: PaymentStatus.PAID,
    REFUNDED: PaymentStatus.REFUNDED,
  } as const;
  statuses.forEach((status, i) => {
    const { customer, contacts } = customers[i % customers.length];
    const pkg = packages[i % packages.length];
    const price = pkg.prices.find((p) => p.currency === 'SEK' && p.interval === BillingInterval.MONTHLY)!;
    const decision = decideVat(
      { country: tenant.country, rateBasisPoints: tenant.vatRateBasisPoints, euPrivateVat: tenant.euPrivateVat },
      { type: customer.buyerType, country: customer.billingCountry, vatNumber: customer.vatNumber },
    );
    const vat = vatOf(price.amountMinor, decision.rateBasisPoints);
    const created = new Date(Date.now() - (40 - i * 7) * DAY);
    const provider = providers[i % providers.length];
    const order = em.create(Order, {
      tenant,
      number: i + 1,
      customer,
      contact: contacts[0] ?? null,
      status,
      provider,
      currency: 'SEK',
      subtotalMinor: price.amountMinor,
      vatRateBasisPoints: decision.rateBasisPoints,
      vatReason: decision.reason,
      buyerType: customer.buyerType,
      buyerCountry: customer.billingCountry,
      buyerVatNumber: customer.vatNumber,
      vatMinor: vat,
      totalMinor: price.amountMinor + vat,
      createdAt: created,
      paidAt:
        status === OrderStatus.PAID || status === OrderStatus.REFUNDED ? new Date(created.getTime() + 60_000) : null,
    });
    em.create(OrderLine, {
      tenant,
      order,
      servicePackage: pkg,
      description: lineDescription(pkg, BillingInterval.MONTHLY, contacts[0]?.preferredLanguage ?? 'sv'),
      interval: BillingInterval.MONTHLY,
      quantity: 1,
      unitPriceMinor: price.amountMinor,
      totalMinor: price.amountMinor,
    });
    if (i < 2) {
      // The two paid orders renew: one subscription active, one cancelled (P20).
      order.recurringConsentText = RECURRING_CONSENT_TEXT;
      // The active one was renewed five days ago (its period is current); the other ran out.
      const start = i === 0 ? new Date(Date.now() - 5 * DAY) : order.paidAt!;
      em.create(Subscription, {
        tenant,
        customer,
        servicePackage: pkg,
        firstOrder: order,
        interval: BillingInterval.MONTHLY,
        currency: 'SEK',
        provider,
        status: i === 0 ? SubscriptionStatus.ACTIVE : SubscriptionStatus.CANCELLED,
        // Issue 25: the renewing one keeps the card it was bought with (its payment method is saved).
        providerReference: i === 0 ? savedCardOf(tenant, provider) : null,
        periodAnchor: start,
        currentPeriodStart: start,
        currentPeriodEnd: nthPeriodEnd(start, BillingInterval.MONTHLY, tenant.timezone, 1),
        nextRenewalAt: nthPeriodEnd(start, BillingInterval.MONTHLY, tenant.timezone, 1),
        recurringConsent: {
          givenAt: created,
          wording: RECURRING_CONSENT_TEXT,
          ip: '203.0.113.20',
          userAgent: 'Mozilla/5.0 (demo)',
        },
        cancelledAt: i === 0 ? null : new Date(Date.now() - 2 * DAY),
        cancelReason: i === 0 ? null : 'Moving the site in-house',
      });
    }
    seedOrderMail(em, tenant, order, pkg, i);
    const payment = em.create(Payment, {
      tenant,
      order,
      provider,
      providerReference: `demo_${provider.toLowerCase()}_${tenant.slug}_${i + 1}`,
      method: provider === PaymentProvider.PAYPAL ? 'paypal' : 'card',
      amountMinor: order.totalMinor,
      currency: 'SEK',
      status: paymentStatus[status],
      paidAt: order.paidAt,
      refundedAt: status === OrderStatus.REFUNDED ? new Date(created.getTime() + 3 * DAY) : null,
      // The failed one was refused by the card's bank, as Stripe reports it (issue 25).
      failureReason: paymentStatus[status] === PaymentStatus.FAILED ? 'card_declined' : null,
    });
    if (status === OrderStatus.REFUNDED) {
      // The refund ledger (issue 19): a part first (one month's support hours not used), then the rest.
      // PostgreSQL adds them up on the payment and the order.
      const part = Math.round(order.totalMinor * 0.4);
      const refunds: [number, string][] = [
        [part, 'Support hours not used this month'],
        [order.totalMinor - part, 'The customer moved the site in-house'],
      ];
      refunds.forEach(([amountMinor, reason], n) =>
        em.create(Refund, {
          tenant,
          payment,
          order,
          amountMinor,
          currency: 'SEK',
          reason,
          providerRefundId: `demo_refund_${tenant.slug}_${n + 1}`,
          idempotencyKey: `demo-${n + 1}`,
          createdAt: new Date(created.getTime() + (n + 2) * DAY),
        }),
      );
      order.refundReason = refunds[1][1];
      order.refundedAt = payment.refundedAt;
    }
  });
}

/** The mail each demo order would have caused, already sent (the relay never sends demo mail). */
function seedOrderMail(em: EntityManager, tenant: Tenant, order: Order, pkg: ServicePackage, i: number) {
  const contact = order.contact;
  if (!contact) return;
  const language = asSupportedLanguage(contact.preferredLanguage);
  const money = (minor: number) => formatMoney(minor, order.currency, language);
  const base = { agency: tenant.name, name: contact.name, number: order.number };
  const packageName = language === 'en' ? pkg.nameEn : pkg.nameSv;
  const receipt = {
    ...base,
    lines: `${lineDescription(pkg, BillingInterval.MONTHLY, language)}: ${money(order.subtotalMinor)}`,
    total: money(order.totalMinor),
    vat: money(order.vatMinor),
  };
  type Mail = [MailTemplate, Record<string, unknown>];
  const byStatus: Record<OrderStatus, Mail[]> = {
    [OrderStatus.PAID]: [['order.receipt', receipt]],
    [OrderStatus.PENDING_PAYMENT]: [],
    [OrderStatus.CANCELLED]: [['order.payment_failed', base]],
    [OrderStatus.PARTIALLY_REFUNDED]: [['order.receipt', receipt]],
    [OrderStatus.REFUNDED]: [
      ['order.receipt', receipt],
      ['order.refunded', { ...base, total: money(order.totalMinor) }],
    ],
  };
  const mails = byStatus[order.status];
  if (i === 1) {
    const until = nthPeriodEnd(order.paidAt!, BillingInterval.MONTHLY, tenant.timezone, 1).toISOString().slice(0, 10);
    mails.push(['subscription.cancelled', { ...base, package: packageName, until }]);
  }
  for (const [template, payload] of mails) {
    em.create(OutboxMessage, {
      tenant,
      recipient: contact.email,
      template,
      language,
      subject: renderSubject(template, language, payload),
      payload,
      status: OutboxStatus.SENT,
      attempts: 1,
      sentAt: order.paidAt ?? order.createdAt,
      createdAt: order.paidAt ?? order.createdAt,
    });
  }
}

interface SeededCustomer {
  customer: Customer;
  contacts: Contact[];
  sites: Site[];
}

function seedCustomer(
  em: EntityManager,
  keyring: Keyring,
  tenant: Tenant,
  c: DemoCustomer,
  users: Map<string, User>,
  servicePackage: ServicePackage,
): SeededCustomer {
  const seeded: SeededCustomer = { customer: undefined as never, contacts: [], sites: [] };
  const customer = em.create(Customer, {
    tenant,
    name: c.name,
    organisationNumber: c.organisationNumber ?? null,
    billingCountry: c.billingCountry,
    addressLine1: c.address?.line1 ?? null,
    postalCode: c.address?.postalCode ?? null,
    city: c.address?.city ?? null,
  });
  seeded.customer = customer;
  for (const p of c.contacts) {
    const contact = em.create(Contact, {
      tenant,
      customer,
      ...p,
      phone: p.phone ?? null,
      postalCode: p.postalCode ?? null,
      country: p.country ?? null,
      socialIdentities: p.socialIdentities ?? [],
    });
    seeded.contacts.push(contact);
    const login = users.get(p.email);
    if (login) login.contact = contact; // the customer's portal login
  }
  for (const d of c.sites) {
    const site = em.create(Site, {
      tenant,
      customer,
      domain: d.domain,
      platform: d.platform as SitePlatform,
      productionUrl: `https://${d.domain}`,
      stagingUrl: `https://staging.${d.domain}`,
      status: (d.status ?? 'ACTIVE') as SiteStatus,
      servicePackage,
    });
    seeded.sites.push(site);
    for (const k of d.credentials) {
      const credential = em.create(SiteCredential, {
        tenant,
        site,
        kind: k.kind as CredentialKind,
        label: k.label,
        url: k.url ?? null,
        username: k.username ?? null,
        secretCiphertext: '',
        keyVersion: keyring.currentVersion,
      });
      credential.secretCiphertext = keyring.encrypt(k.secret, encryptionContext(credential));
    }
    for (let day = 0; day < d.backupDays; day++) {
      const takenAt = new Date(Date.now() - day * DAY);
      em.create(SiteBackup, {
        tenant,
        site,
        takenAt,
        location: `s3://backups/${d.domain}/${takenAt.toISOString().slice(0, 10)}.tar.gz`,
        sizeBytes: 180_000_000 + day * 1_000_000,
        kind: 'FULL',
        checksum: `sha256:${createHash('sha256').update(`${d.domain}/${day}`).digest('hex')}`,
        expiresAt: new Date(takenAt.getTime() + 30 * DAY),
      });
    }
    for (const a of d.assignments) {
      em.create(SiteAssignment, {
        tenant,
        site,
        user: users.get(a.email)!,
        startsAt: new Date(Date.now() - 90 * DAY),
        endsAt: a.ended ? new Date(Date.now() - 7 * DAY) : null,
        reason: a.reason,
      });
    }
  }
  return seeded;
}

/** Issue 17: the demo agency's own (fake) payment accounts, sealed as its agency secrets. */
function seedPaymentAccounts(
  tx: EntityManager,
  keyring: Keyring,
  tenant: Tenant,
  accounts: DemoPaymentAccounts | undefined,
): void {
  if (!accounts) return;
  const values = {
    [PaymentProvider.STRIPE]: accounts.stripe,
    [PaymentProvider.MOLLIE]: accounts.mollie,
    [PaymentProvider.PAYPAL]: accounts.paypal,
  };
  for (const provider of Object.values(PaymentProvider)) {
    for (const [field, name] of Object.entries(PAYMENT_SECRETS[provider] as Record<string, string>)) {
      const secret = (values[provider] as Record<string, string>)[field];
      tx.create(AgencySecret, {
        tenant,
        name,
        ...sealAgencySecret(keyring, tenant.id, name, secret),
        verifiedAt: null,
      });
    }
  }
  tenant.paypalEnvironment = 'sandbox';
}

/** Seeds only when no tenant exists yet, so a restart never adds a second copy. */
/** The app services the seed's invoices need: no foreign currency in the demo, no logger output. */
const SEED_SERVICES = {
  logger: pino({ level: 'silent' }),
  config: { invoices: { exchangeRates: {}, viesCheck: false } },
} as unknown as AppServices;

/**
 * Issue 19: the demo orders' invoices, issued as the payment path issues them (numbers, PDFs), and a
 * credit note for each refunded order, per agency.
 */
async function seedInvoices(orm: MikroORM): Promise<void> {
  const tenants = await orm.em.fork().find(Tenant, {}, { filters: false, orderBy: { slug: 'asc' } });
  for (const tenant of tenants) {
    await orm.em.fork().transactional(async (tx) => {
      const ctx = systemContext(tx, SEED_SERVICES, 'seed');
      await useTenant(ctx, tenant.id);
      const orders = await tx.find(
        Order,
        { status: { $in: [OrderStatus.PAID, OrderStatus.REFUNDED] } },
        { orderBy: { number: 'asc' } },
      );
      for (const order of orders) {
        await issueInvoice(ctx, order);
        if (order.status !== OrderStatus.REFUNDED) continue;
        // Its refunds as the refund service credits them (`onRefunded`): the partial refund gets a credit
        // note of its amount, the last one all the invoice has left.
        const refunds = await tx.find(Refund, { order }, { orderBy: { createdAt: 'asc' } });
        for (const [n, refund] of refunds.entries())
          if (n < refunds.length - 1) await creditOrderAmount(ctx, order, refund.amountMinor, refund.reason);
          else await creditOrderInFull(ctx, order, refund.reason);
      }
      // Pay by invoice (issue 19 part C): the waiting order as an open invoice, and a second order of
      // the same buyer invoiced 45 days ago, due 30 days later: overdue.
      const waiting = await tx.findOne(
        Order,
        { status: OrderStatus.PENDING_PAYMENT },
        { orderBy: { number: 'asc' }, populate: ['lines'] },
      );
      if (!waiting) return;
      await issueInvoice(ctx, waiting, { open: { dueDays: tenant.invoiceDueDays } });
      const issuedAt = new Date(Date.now() - 45 * DAY);
      /** Another order of the waiting order's buyer, for the same lines, made at `at`. */
      const copyOfWaiting = async (at: Date) => {
        const [{ next }] = await tx.execute<{ next: number }[]>(
          'select coalesce(max(number), 0) + 1 as next from orders where tenant_id = ?',
          [tenant.id],
        );
        const late = tx.create(Order, {
          tenant,
          number: Number(next),
          customer: waiting.customer,
          contact: waiting.contact,
          provider: waiting.provider,
          currency: waiting.currency,
          subtotalMinor: waiting.subtotalMinor,
          vatRateBasisPoints: waiting.vatRateBasisPoints,
          vatReason: waiting.vatReason,
          buyerType: waiting.buyerType,
          buyerCountry: waiting.buyerCountry,
          buyerVatNumber: waiting.buyerVatNumber,
          vatMinor: waiting.vatMinor,
          totalMinor: waiting.totalMinor,
          createdAt: at,
        });
        for (const line of waiting.lines.getItems())
          tx.create(OrderLine, {
            tenant,
            order: late,
            servicePackage: line.servicePackage,
            description: line.description,
            interval: line.interval,
            quantity: line.quantity,
            unitPriceMinor: line.unitPriceMinor,
            totalMinor: line.totalMinor,
          });
        await tx.flush();
        return late;
      };
      await issueInvoice(ctx, await copyOfWaiting(issuedAt), { open: { dueDays: 30, issuedAt } });
      // A partly paid invoice: issued ten days ago, 40 % received by bank since (staff recorded it), the
      // rest still open.
      const partIssuedAt = new Date(Date.now() - 10 * DAY);
      const partly = await issueInvoice(ctx, await copyOfWaiting(partIssuedAt), {
        open: { dueDays: 30, issuedAt: partIssuedAt },
      });
      const paidOn = DateTime.fromMillis(Date.now() - 3 * DAY, { zone: tenant.timezone }).toISODate()!;
      await markInvoicePaid(ctx, partly.id, paidOn, Math.round(partly.totalMinor * 0.4));
      // An imported BgMax file whose one payment matched none of the agency's invoices: what staff
      // see on the import screen when a payment needs them (a wrong reference, or none).
      const bgmax = tx.create(BgMaxImport, {
        tenant,
        fileName: `BgMax-${tenant.slug}-demo.txt`,
        fileHash: createHash('sha256').update(`demo bgmax ${tenant.slug}`).digest('hex'),
        fileCreatedAt: issuedAt.toISOString().slice(0, 10),
        test: true,
        payments: 1,
        matched: 0,
        overpaid: 0,
        underpaid: 0,
        notOpen: 0,
        unmatched: 1,
        totalMinor: 50000,
      });
      tx.create(BgMaxImportRow, {
        tenant,
        import: bgmax,
        line: 3,
        reference: '12345',
        amountMinor: 50000,
        paymentDate: issuedAt.toISOString().slice(0, 10),
        serialNumber: '000000000000001',
        result: BgMaxRowResult.UNMATCHED,
      });
      await tx.flush();
    });
  }
}

export async function seedDemoIfEmpty(orm: MikroORM, keyring: Keyring): Promise<DemoSummary | undefined> {
  const em = orm.em.fork();
  if ((await em.count(Tenant, {}, { filters: false })) > 0) return undefined;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    for (const t of demoTenants) {
      const tenant = createTenant(tx, {
        slug: t.slug,
        name: t.name,
        country: t.country,
        defaultLanguage: t.defaultLanguage,
        privacyContactEmail: t.privacyContactEmail,
        supervisoryAuthorityName: t.supervisoryAuthority.name,
        supervisoryAuthorityUrl: t.supervisoryAuthority.url,
        timezone: t.timezone,
        // The demo keeps password logins (its staff are used by every test); admins turn it on.
        secondFactorRoles: [],
      });
      Object.assign(tenant, t.profile);
      const users = new Map<string, User>();
      for (const u of t.users) {
        users.set(u.email, tx.create(User, { tenant, ...u, status: UserStatus.ACTIVE, passwordHash }));
      }
      const withTotp = users.get(DEMO_TOTP_EMAIL);
      if (withTotp) {
        // Issue 20: one demo login asks for the second step (codes: `pnpm sitecare totp:code <email>`).
        sealTotpSecret(keyring, withTotp, DEMO_TOTP_SECRET);
        withTotp.totpConfirmedAt = new Date();
        tx.create(Passkey, { tenant, user: withTotp, ...DEMO_PASSKEY, transports: ['usb'] });
      }
      const packages = demoPackages.map((p) => seedPackage(tx, tenant, p));
      const customers = t.customers.map((c, i) =>
        seedCustomer(tx, keyring, tenant, c, users, packages[i % packages.length]),
      );
      const staff = t.users.find((u) => u.role === 'EMPLOYEE')!;
      for (const ticket of demoTickets) seedTicket(tx, tenant, ticket, customers, users.get(staff.email)!);
      seedCareRecords(
        tx,
        tenant,
        customers.flatMap((c) => c.sites),
        users.get(staff.email)!,
      );
      seedOrders(tx, tenant, customers, packages);
      await seedConsents(
        tx,
        tenant,
        customers.flatMap((c) => c.contacts),
      );
      seedRegisters(
        tx,
        tenant,
        [...users.values()],
        customers.flatMap((c) => c.contacts),
        t === demoTenants[0],
      );
      for (const lead of demoLeads) {
        tx.create(Lead, {
          tenant,
          ...lead,
          status: lead.status as LeadStatus,
          consentGiven: true,
          consentText: LEAD_CONSENT_TEXT,
          sourcePage: `https://${t.slug}.example.com/kontakt`,
          ip: '203.0.113.10',
          userAgent: 'Mozilla/5.0 (demo)',
        });
      }
      seedPrivacyRequests(tx, tenant);
      seedCampaigns(tx, tenant);
      seedPaymentAccounts(tx, keyring, tenant, demoPaymentAccounts[t.slug as keyof typeof demoPaymentAccounts]);
      seedIntegrations(
        tx,
        keyring,
        tenant,
        users.get(t.users.find((u) => u.role === 'ADMIN')!.email)!,
        customers[0].customer.id,
      );
      tx.create(AuditEvent, {
        tenant,
        actorType: AuditActorType.SYSTEM,
        action: 'tenant.seed_demo',
        entityType: 'Tenant',
        entityId: tenant.id,
        outcome: AuditOutcome.ALLOWED,
        detail: { users: t.users.length },
      });
    }
    await tx.flush();
    await seedCheckHistory(tx); // issue 22: a month of checks on the monitored sites, set-based
  });
  await seedInvoices(orm);
  return {
    tenants: demoTenants.map(({ name, slug, users, customers }) => ({
      name,
      slug,
      users: users.length,
      customers: customers.length,
    })),
  };
}
