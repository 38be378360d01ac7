// Issue 19, pay by invoice (M13): staff issue a waiting order as an OPEN invoice with a due date and an
// OCR reference on its PDF; staff mark it paid; Bankgirot's BgMax file is imported and matched by OCR to
// the agency's own open invoices (matched, unmatched, over- and underpaid, another agency's reference,
// the same file twice); overdue invoices get one reminder per step, the job's clock driven through the
// CLI's --now; the customer pays an open invoice by card through the fake provider.
import { demoPaymentAccounts } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { isValidOcr } from '../../server/src/modules/payments/ocr';
import { renderMail } from '../../server/src/modules/mail/templates';
import { ApiClient, as, errorCode } from '../support/api-client';
import { bgmaxFile } from '../support/bgmax-file';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';
import { pdfText } from '../support/pdf-text';
import { checkoutPlus } from '../support/checkout';

const WEBHOOK_SECRET = demoPaymentAccounts['jj-media'].stripe.webhookSecret;
const JJ_BANKGIRO = '505-1057';
let stripe: FakeStripe;
let demo: DemoApp;
let admin: ApiClient;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET });
  demo = await startDemoApp({ STRIPE_API_BASE: stripe.baseUrl });
  admin = await as(demo.url, 'jj-media', 'ADMIN');
});
afterAll(async () => {
  await demo?.stop();
  await stripe?.close();
});

const INVOICE = `id number status issueDate dueDate totalMinor currency ocrReference paidAt paidVia
  overdue daysOverdue payable pdfUrl paidMinor remainingMinor surplusMinor`;
const ISSUE = `mutation($id: UUID!, $i: OrderIssueInvoiceInput) { orderIssueInvoice(id: $id, input: $i) { ${INVOICE} } }`;
const MARK_PAID = `mutation($id: UUID!, $i: InvoiceMarkPaidInput!) { invoiceMarkPaid(id: $id, input: $i) { ${INVOICE} } }`;
const IMPORT = `mutation($i: BgMaxImportInput!) { bgmaxImport(input: $i) {
  id fileName payments matched overpaid underpaid notOpen unmatched totalMinor creditMinor
  rows { line reference amountMinor paymentDate result differenceMinor invoice { id number status } } } }`;
const INVOICE_BY_ID = `query($id: UUID!) { invoice(id: $id) { ${INVOICE} } }`;

interface InvoiceShape {
  id: string;
  number: number;
  status: string;
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  currency: string;
  ocrReference: string;
  paidAt: string | null;
  paidVia: string | null;
  overdue: boolean;
  daysOverdue: number;
  payable: boolean;
  pdfUrl: string;
  paidMinor: number;
  remainingMinor: number;
  surplusMinor: number;
}

let buyers = 0;
/** A waiting order of a new company buyer at JJ Media (checkout through the fake Stripe). */
async function waitingOrder(language: 'sv' | 'en' = 'sv'): Promise<string> {
  buyers += 1;
  const checkout = await checkoutPlus(demo.url, sql, {
    name: `Inköpare ${buyers}`,
    company: `Fakturaköparen ${buyers} AB`,
    buyerType: 'COMPANY',
    email: `buyer${buyers}@fakturakopare.example.com`,
    country: 'SE',
    addressLine1: 'Kungsgatan 1',
    postalCode: '111 43',
    city: 'Stockholm',
    preferredLanguage: language,
  });
  return checkout.orderId as string;
}

async function issue(orderId: string, client = admin): Promise<InvoiceShape> {
  return (await client.ok<{ orderIssueInvoice: InvoiceShape }>(ISSUE, { id: orderId })).orderIssueInvoice;
}

const importFile = (client: ApiClient, file: Buffer, fileName = 'bgmax.txt') =>
  client.gql<{ bgmaxImport: any }>(IMPORT, { i: { fileName, contentBase64: file.toString('base64') } });

/** A time's date in the agencies' calendar (Europe/Stockholm), YYYY-MM-DD. */
const stockholmDate = (at: Date | string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(at));
const today = () => stockholmDate(new Date());
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('M13: pay by invoice', () => {
  it('M13: the demo has, per agency, an open invoice and an overdue one (besides the paid ones and a credit note)', async () => {
    for (const agency of ['jj-media', 'nordvik-webbyra'] as const) {
      const client = await as(demo.url, agency, 'ADMIN');
      const { open, overdue } = await client.ok<{
        open: { nodes: InvoiceShape[] };
        overdue: { nodes: InvoiceShape[] };
      }>(
        `query { open: invoices(filter: { status: OPEN, overdue: false }) { nodes { ${INVOICE} } }
                 overdue: invoices(filter: { overdue: true }) { nodes { ${INVOICE} } } }`,
      );
      expect(open.nodes.length).toBeGreaterThan(0);
      expect(overdue.nodes.length).toBeGreaterThan(0);
      expect(overdue.nodes.every((i) => i.status === 'OPEN' && i.daysOverdue >= 15 && i.payable)).toBe(true);
      const [{ paid, notes }] = await sql(
        `select count(*) filter (where i.kind = 'INVOICE' and i.status in ('PAID', 'CREDITED'))::int as paid,
                count(*) filter (where i.kind = 'CREDIT_NOTE')::int as notes
           from invoices i join tenants t on t.id = i.tenant_id where t.slug = $1`,
        [agency],
      );
      expect(paid).toBeGreaterThan(0);
      expect(notes).toBeGreaterThan(0);
      // Every paid invoice has its payment in its ledger: paid in full, nothing left.
      const { paidInvoices } = await client.ok<{ paidInvoices: { nodes: InvoiceShape[] } }>(
        `query { paidInvoices: invoices(filter: { status: PAID }, page: { take: 100 }) { nodes { ${INVOICE} } } }`,
      );
      expect(paidInvoices.nodes.length).toBeGreaterThan(0);
      for (const i of paidInvoices.nodes) expect([i.paidMinor, i.remainingMinor]).toEqual([i.totalMinor, 0]);
      // A partly paid invoice: open, with what was paid and what is left (the one rule).
      const partly = [...open.nodes, ...overdue.nodes].filter((i) => i.paidMinor > 0);
      expect(partly.length).toBeGreaterThan(0);
      for (const i of partly) expect(i.remainingMinor).toBe(i.totalMinor - i.paidMinor);
      expect(partly.every((i) => i.remainingMinor > 0 && i.status === 'OPEN')).toBe(true);
      // A partial refund with its own credit note (of less than the invoice), besides the one crediting the rest.
      const [{ partial }] = await sql(
        `select count(*)::int as partial from invoices c join invoices i on i.id = c.credited_invoice_id
           join tenants t on t.id = c.tenant_id where t.slug = $1 and c.kind = 'CREDIT_NOTE' and -c.total_minor < i.total_minor`,
        [agency],
      );
      expect(partial).toBeGreaterThan(0);
    }
  });

  it('M13: partial payments: part of an invoice leaves it open with the rest (staff and customer see it), the rest pays it, more is the customer’s credit', async () => {
    // Anna's company's invoice, so that she sees it in the portal.
    const checkout = await checkoutPlus(demo.url, sql, {
      name: 'Anna',
      email: 'anna@bageriet.example.com',
      country: 'SE',
    });
    const invoice = await issue(checkout.orderId);
    expect(invoice).toMatchObject({ paidMinor: 0, remainingMinor: invoice.totalMinor, surplusMinor: 0 });
    const part = 10_000;
    const refused = await admin.gql(MARK_PAID, { id: invoice.id, i: { paidOn: today(), amountMinor: 0 } });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors)).toContain('amountMinor');

    const first = (
      await admin.ok<{ invoiceMarkPaid: InvoiceShape }>(MARK_PAID, {
        id: invoice.id,
        i: { paidOn: today(), amountMinor: part },
      })
    ).invoiceMarkPaid;
    expect(first).toMatchObject({
      status: 'OPEN',
      payable: true,
      paidMinor: part,
      remainingMinor: invoice.totalMinor - part,
      paidAt: null,
    });
    const [waiting] = await sql(`select status from orders where id = $1`, [checkout.orderId]);
    expect(waiting.status).toBe('PENDING_PAYMENT');
    // The customer sees the same, on both answer paths (the list is compiled SQL, one invoice the resolvers').
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const mine = await anna.ok<{ invoices: { nodes: InvoiceShape[] } }>(
      `query { invoices(filter: { status: OPEN }) { nodes { id paidMinor remainingMinor } } }`,
    );
    expect(mine.invoices.nodes).toContainEqual({
      id: invoice.id,
      paidMinor: part,
      remainingMinor: invoice.totalMinor - part,
    });
    const own = await anna.ok<{ invoice: { payments: Array<{ amountMinor: number; via: string }> } }>(
      `query($id: UUID!) { invoice(id: $id) { payments { amountMinor surplusMinor via } } }`,
      { id: invoice.id },
    );
    expect(own.invoice.payments).toEqual([{ amountMinor: part, surplusMinor: 0, via: 'MANUAL' }]);

    // The rest and 25 kr more: paid; the 25 kr are the customer's credit.
    const second = (
      await admin.ok<{ invoiceMarkPaid: InvoiceShape }>(MARK_PAID, {
        id: invoice.id,
        i: { paidOn: today(), amountMinor: invoice.totalMinor - part + 2_500 },
      })
    ).invoiceMarkPaid;
    expect(second).toMatchObject({
      status: 'PAID',
      paidVia: 'MANUAL',
      payable: false,
      paidMinor: invoice.totalMinor,
      remainingMinor: 0,
      surplusMinor: 2_500,
    });
    const [order] = await sql(`select status from orders where id = $1`, [checkout.orderId]);
    expect(order.status).toBe('PAID');
    const audits = await sql(
      `select detail from audit_events where action = 'invoice.payment' and entity_id = $1 order by created_at`,
      [invoice.id],
    );
    expect(audits.map((a) => [a.detail.appliedMinor, a.detail.surplusMinor, a.detail.remainingMinor])).toEqual([
      [part, 0, invoice.totalMinor - part],
      [invoice.totalMinor - part, 2_500, 0],
    ]);
  });

  it('M13: staff issue a waiting order as an invoice: OPEN, due in 30 days, its OCR reference on the PDF and in the mail', async () => {
    const orderId = await waitingOrder('sv');
    const invoice = await issue(orderId);
    expect(invoice).toMatchObject({ status: 'OPEN', paidAt: null, paidVia: null, overdue: false, payable: true });
    expect(invoice.dueDate).toBe(plusDays(invoice.issueDate, 30));
    expect(isValidOcr(invoice.ocrReference)).toBe(true);
    expect(invoice.ocrReference.startsWith(String(invoice.number))).toBe(true);

    const res = await fetch(`${demo.url}${invoice.pdfUrl}`, { headers: { cookie: admin.cookie! } });
    expect(res.status).toBe(200);
    const { text } = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain(`OCR-nummer: ${invoice.ocrReference}`);
    expect(text).toContain(`Bankgiro ${JJ_BANKGIRO}`);
    expect(text).toContain('30 dagar netto');
    expect(text).toContain(invoice.dueDate);

    // The order still waits for its money; the buyer has the invoice by mail with the PDF attached.
    const [order] = await sql(`select status from orders where id = $1`, [orderId]);
    expect(order.status).toBe('PENDING_PAYMENT');
    const mails = await sql(
      `select recipient, subject, invoice_id from outbox_messages where template = 'invoice.issued' and invoice_id = $1`,
      [invoice.id],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(`Faktura ${invoice.number}`);

    // Once only; a customer may not issue.
    const again = await admin.gql(ISSUE, { id: orderId });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(errorCode(await anna.gql(ISSUE, { id: orderId }))).toBe('FORBIDDEN');
  });

  it('M13: staff mark an open invoice paid on a date: the invoice and its order are PAID, audited; only once', async () => {
    const invoice = await issue(await waitingOrder());
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const future = plusDays(today(), 2);
    const tooLate = await employee.gql(MARK_PAID, { id: invoice.id, i: { paidOn: future } });
    expect(errorCode(tooLate)).toBe('BAD_USER_INPUT');
    expect(tooLate.errors?.[0].extensions?.field ?? JSON.stringify(tooLate.errors)).toContain('paidOn');

    const { invoiceMarkPaid } = await employee.ok<{ invoiceMarkPaid: InvoiceShape }>(MARK_PAID, {
      id: invoice.id,
      i: { paidOn: today() },
    });
    expect(invoiceMarkPaid).toMatchObject({ status: 'PAID', paidVia: 'MANUAL', payable: false, overdue: false });
    expect(stockholmDate(invoiceMarkPaid.paidAt!)).toBe(today());
    const [order] = await sql(
      `select o.status, o.paid_at from orders o join invoices i on i.order_id = o.id where i.id = $1`,
      [invoice.id],
    );
    expect(order.status).toBe('PAID');
    const audits = await sql(`select action from audit_events where entity_id = $1 order by created_at`, [invoice.id]);
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['invoice.issue', 'invoice.paid', 'invoice.mark_paid']),
    );
    // The order's payment page can no longer be used.
    const pending = await sql(
      `select count(*)::int as n from payments p join invoices i on i.order_id = p.order_id where i.id = $1 and p.status = 'PENDING'`,
      [invoice.id],
    );
    expect(pending[0].n).toBe(0);

    expect(errorCode(await employee.gql(MARK_PAID, { id: invoice.id, i: { paidOn: today() } }))).toBe('BAD_USER_INPUT');
  });

  describe('M13: BgMax import', () => {
    let exact: InvoiceShape;
    let over: InvoiceShape;
    let under: InvoiceShape;
    let foreign: InvoiceShape;
    let file: Buffer;
    let first: any;

    beforeAll(async () => {
      exact = await issue(await waitingOrder());
      over = await issue(await waitingOrder());
      under = await issue(await waitingOrder());
      // Nordvik's waiting demo order as an open invoice, numbered where JJ Media's series never reaches.
      await sql(
        `update document_counters set last_number = 5000 where series = 'INVOICE' and tenant_id = (select id from tenants where slug = 'nordvik-webbyra')`,
      );
      const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
      // A waiting order at Nordvik: a copy of its demo waiting order (the demo has invoiced that one).
      const [{ id: nordvikOrder }] = await sql(
        `with src as (
           select o.* from orders o join tenants t on t.id = o.tenant_id
            where t.slug = 'nordvik-webbyra' and o.status = 'PENDING_PAYMENT' order by o.number limit 1),
         copy as (
           insert into orders (id, tenant_id, number, customer_id, contact_id, status, provider, currency, subtotal_minor,
                               vat_rate_basis_points, vat_reason, buyer_type, buyer_country, vat_minor, total_minor)
           select gen_random_uuid(), tenant_id, (select max(number) + 1 from orders where tenant_id = src.tenant_id),
                  customer_id, contact_id, 'PENDING_PAYMENT', provider, currency, subtotal_minor, vat_rate_basis_points,
                  vat_reason, buyer_type, buyer_country, vat_minor, total_minor from src
           returning id, tenant_id),
         lines as (
           insert into order_lines (id, tenant_id, order_id, service_package_id, description, interval, quantity,
                                    unit_price_minor, total_minor)
           select gen_random_uuid(), l.tenant_id, copy.id, l.service_package_id, l.description, l.interval, l.quantity,
                  l.unit_price_minor, l.total_minor
             from order_lines l, copy where l.order_id = (select id from src))
         select id from copy`,
      );
      foreign = await issue(nordvikOrder, nordvik);
      const [{ n: jjHasIt }] = await sql(
        `select count(*)::int as n from invoices i join tenants t on t.id = i.tenant_id where t.slug = 'jj-media' and i.ocr_reference = $1`,
        [foreign.ocrReference],
      );
      expect(jjHasIt).toBe(0);
      file = bgmaxFile(JJ_BANKGIRO, [
        {
          date: '20261204',
          payments: [
            { reference: exact.ocrReference, amountMinor: exact.totalMinor, payerName: 'Fakturaköparen AB' },
            { reference: over.ocrReference, amountMinor: over.totalMinor + 10_000 },
          ],
        },
        {
          date: '20261205',
          payments: [
            { reference: under.ocrReference, amountMinor: under.totalMinor - 5_000 },
            { reference: foreign.ocrReference, amountMinor: foreign.totalMinor },
            { reference: '', amountMinor: 12_300, referenceCode: 1 },
            { reference: '4711', amountMinor: 500, referenceCode: 5 },
          ],
        },
      ]);
      const res = await importFile(admin, file, 'BgMax_20261205.txt');
      expect(res.errors).toBeUndefined();
      first = res.data!.bgmaxImport;
    });

    it('M13: a payment of the whole amount marks its invoice and order paid on the deposit date', async () => {
      expect(first).toMatchObject({
        fileName: 'BgMax_20261205.txt',
        payments: 6,
        matched: 1,
        overpaid: 1,
        underpaid: 1,
      });
      expect(first.rows[0]).toMatchObject({
        reference: exact.ocrReference,
        amountMinor: exact.totalMinor,
        paymentDate: '2026-12-04',
        result: 'MATCHED',
        differenceMinor: 0,
        invoice: { id: exact.id, status: 'PAID' },
      });
      const { invoice } = await admin.ok<{ invoice: InvoiceShape }>(INVOICE_BY_ID, { id: exact.id });
      expect(invoice).toMatchObject({ status: 'PAID', paidVia: 'BGMAX', payable: false });
      expect(stockholmDate(invoice.paidAt!)).toBe('2026-12-04');
      const [order] = await sql(`select o.status from orders o join invoices i on i.order_id = o.id where i.id = $1`, [
        exact.id,
      ]);
      expect(order.status).toBe('PAID');
    });

    it('M13: an overpayment settles the invoice and reports the difference; an underpayment leaves it open', async () => {
      expect(first.rows[1]).toMatchObject({
        result: 'OVERPAID',
        differenceMinor: 10_000,
        invoice: { id: over.id, status: 'PAID' },
      });
      expect(first.rows[2]).toMatchObject({
        result: 'UNDERPAID',
        differenceMinor: -5_000,
        invoice: { id: under.id, status: 'OPEN' },
      });
      const { invoice } = await admin.ok<{ invoice: InvoiceShape }>(INVOICE_BY_ID, { id: under.id });
      // A part payment: open with the rest to pay.
      expect(invoice).toMatchObject({
        status: 'OPEN',
        payable: true,
        paidMinor: under.totalMinor - 5_000,
        remainingMinor: 5_000,
      });
      // The overpayment's surplus is the customer's credit, on the invoice and in the import's result.
      const paidOver = (await admin.ok<{ invoice: InvoiceShape }>(INVOICE_BY_ID, { id: over.id })).invoice;
      expect(paidOver).toMatchObject({ paidMinor: over.totalMinor, remainingMinor: 0, surplusMinor: 10_000 });
      expect(first.creditMinor).toBe(10_000);
    });

    it("M13: another agency's OCR reference, no reference and a wrong one are unmatched; that agency's invoice stays open", async () => {
      expect(first.unmatched).toBe(3);
      expect(first.rows.slice(3).map((r: any) => [r.reference, r.result, r.invoice])).toEqual([
        [foreign.ocrReference, 'UNMATCHED', null],
        ['', 'UNMATCHED', null],
        ['4711', 'UNMATCHED', null],
      ]);
      const [row] = await sql(`select status, paid_at from invoices where id = $1`, [foreign.id]);
      expect(row).toEqual({ status: 'OPEN', paid_at: null });
    });

    it('M13: the same file twice is one import: the first answer, nothing paid twice', async () => {
      const again = await importFile(admin, file, 'renamed.txt');
      expect(again.errors).toBeUndefined();
      expect(again.data!.bgmaxImport).toEqual(first);
      // Besides the demo's own import (one per agency).
      const [{ n: imports }] = await sql(
        `select count(*)::int as n from bgmax_imports where file_name not like 'BgMax-%-demo.txt'`,
      );
      expect(imports).toBe(1);
      const [{ n: audited }] = await sql(`select count(*)::int as n from audit_events where action = 'bgmax.import'`);
      expect(audited).toBe(1);
      const [{ n: paidEvents }] = await sql(
        `select count(*)::int as n from audit_events where action = 'invoice.paid' and entity_id = $1`,
        [exact.id],
      );
      expect(paidEvents).toBe(1);
    });

    it('M13: a file for another bankgiro, or not a BgMax file, is refused naming the field; customers may not import', async () => {
      const other = await importFile(admin, bgmaxFile('9912346', [{ date: '20261204', payments: [] }]));
      expect(errorCode(other)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(other.errors)).toContain('contentBase64');
      const broken = await importFile(admin, Buffer.from('not a bgmax file\r\n', 'latin1'));
      expect(errorCode(broken)).toBe('BAD_USER_INPUT');
      const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
      expect(errorCode(await importFile(anna, file))).toBe('FORBIDDEN');
    });

    it('M13: overdue is one rule: the list filter, the fields and the reminder job agree; one reminder per step', async () => {
      // The underpaid invoice, as if issued 40 days ago (due 10 days ago), in the agency's calendar (the
      // overdue rule's): from 23 h UTC in winter, UTC's current_date is a day behind Stockholm's.
      await sql(
        `update invoices i set issue_date = (now() at time zone t.timezone)::date - 40,
                due_date = (now() at time zone t.timezone)::date - 10
           from tenants t where t.id = i.tenant_id and i.id = $1`,
        [under.id],
      );
      const { invoices } = await admin.ok<{ invoices: { nodes: InvoiceShape[] } }>(
        `query { invoices(filter: { overdue: true }) { nodes { ${INVOICE} } } }`,
      );
      expect(invoices.nodes.every((i) => i.overdue && i.status === 'OPEN' && i.daysOverdue > 0)).toBe(true);
      expect(invoices.nodes.find((i) => i.id === under.id)).toMatchObject({ overdue: true, daysOverdue: 10 });
      const open = await admin.ok<{ invoices: { nodes: InvoiceShape[] } }>(
        `query { invoices(filter: { status: OPEN, overdue: false }) { nodes { id overdue } } }`,
      );
      expect(open.invoices.nodes.map((i) => i.id)).not.toContain(under.id);
      expect(open.invoices.nodes.every((i) => !i.overdue)).toBe(true);

      const [{ due_date: due }] = await sql<{ due_date: string }>(
        `select to_char(due_date, 'YYYY-MM-DD') as due_date from invoices where id = $1`,
        [under.id],
      );
      // 08:00 UTC is the morning of that day in Stockholm, winter or summer.
      const at = (days: number) => `${plusDays(due, days)}T08:00:00Z`;
      const reminders = async () =>
        (await sql(`select step from invoice_reminders where invoice_id = $1 order by step`, [under.id])).map(
          (r) => r.step,
        );
      const mails = async () =>
        (
          await sql(
            `select count(*)::int as n from outbox_messages where template = 'invoice.reminder' and invoice_id = $1`,
            [under.id],
          )
        )[0].n;

      await runCli(demo, ['invoices:remind', '--now', at(6)]);
      expect(await reminders()).toEqual([]);
      await runCli(demo, ['invoices:remind', '--now', at(7)]);
      expect(await reminders()).toEqual([7]);
      await runCli(demo, ['invoices:remind', '--now', at(8)]);
      expect(await reminders()).toEqual([7]);
      expect(await mails()).toBe(1);
      await runCli(demo, ['invoices:remind', '--now', at(14)]);
      await runCli(demo, ['invoices:remind', '--now', at(20)]);
      expect(await reminders()).toEqual([7, 14]);
      expect(await mails()).toBe(2);
      const [mail] = await sql(
        `select subject, payload from outbox_messages where template = 'invoice.reminder' and invoice_id = $1 order by created_at desc limit 1`,
        [under.id],
      );
      expect(mail.subject).toContain(`faktura ${under.number}`);
      expect(mail.payload).toMatchObject({ ocr: under.ocrReference, daysOverdue: 14 });
      const [{ n: audited }] = await sql(
        `select count(*)::int as n from audit_events where action = 'invoice.reminder' and entity_id = $1`,
        [under.id],
      );
      expect(audited).toBe(2);
      // A paid invoice is never reminded.
      await runCli(demo, ['invoices:remind', '--now', at(30)]);
      expect(await reminders()).toEqual([7, 14]);
      const [{ n: exactReminders }] = await sql(
        `select count(*)::int as n from invoice_reminders where invoice_id = $1`,
        [exact.id],
      );
      expect(exactReminders).toBe(0);
    });

    it('M13: the reminder’s link pays what is left by card through the provider; the invoice and order are then paid', async () => {
      const [mail] = await sql(
        `select payload, language from outbox_messages where template = 'invoice.reminder' and invoice_id = $1 order by created_at desc limit 1`,
        [under.id],
      );
      const link = String(mail.payload.link);
      expect(link).toMatch(new RegExp(`/invoices/${under.id}/pay\\?`));
      expect(mail.payload.remaining).toMatch(/50,00/); // what is left, in the buyer's language (sv)
      // The mail as sent: the link as a button (HTML) and a URL (text), saying what it pays.
      const rendered = renderMail('invoice.reminder', mail.language, mail.payload);
      expect(rendered.text).toContain(`Betala ${mail.payload.remaining} med kort: ${link}`);
      expect(rendered.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
      const path = link.replace(/^https?:\/\/[^/]+/, '');
      // A changed token, or another agency, answers as if there were no such invoice.
      for (const wrong of [
        path.replace(/t=[^&]+/, 't=forged'),
        path.replace('agency=jj-media', 'agency=nordvik-webbyra'),
      ])
        expect((await fetch(`${demo.url}${wrong}`, { redirect: 'manual' })).status).toBe(404);

      const res = await fetch(`${demo.url}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^https?:\/\//);
      // The card payment is of what is left, not the whole invoice.
      const [pending] = await sql(
        `select p.provider_reference, p.amount_minor from payments p join invoices i on i.order_id = p.order_id
          where i.id = $1 and p.status = 'PENDING' order by p.created_at desc limit 1`,
        [under.id],
      );
      expect(pending.amount_minor).toBe(5_000);
      const { body, headers } = stripe.signedDelivery(stripe.completeSession(pending.provider_reference));
      const paid = await fetch(`${demo.url}/webhooks/stripe/jj-media`, { method: 'POST', headers, body });
      expect(((await paid.json()) as { outcome: string }).outcome).toBe('paid');
      const { invoice } = await admin.ok<{ invoice: InvoiceShape }>(INVOICE_BY_ID, { id: under.id });
      expect(invoice).toMatchObject({
        status: 'PAID',
        paidVia: 'PROVIDER',
        paidMinor: under.totalMinor,
        remainingMinor: 0,
      });
      // Paid: the link says so (in the buyer's language) and starts nothing.
      const again = await fetch(`${demo.url}${path}`, { redirect: 'manual' });
      expect(again.status).toBe(410);
      expect(await again.text()).toContain('Fakturan är redan betald');
    });
  });

  it('M13: a customer pays an open invoice by card through the fake provider; the invoice and the order are paid', async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    // Anna's company orders through the public checkout with her e-mail (her contact and customer).
    const checkout = await checkoutPlus(demo.url, sql, {
      name: 'Anna',
      email: 'anna@bageriet.example.com',
      country: 'SE',
    });
    const invoice = await issue(checkout.orderId);

    const mine = await anna.ok<{ invoices: { nodes: InvoiceShape[] } }>(
      `query { invoices(filter: { status: OPEN }) { nodes { id payable ocrReference } } }`,
    );
    expect(mine.invoices.nodes).toContainEqual({ id: invoice.id, payable: true, ocrReference: invoice.ocrReference });

    // Another agency's customer does not reach it.
    const lars = await as(demo.url, 'nordvik-webbyra', 'CUSTOMER');
    expect(
      errorCode(await lars.gql('mutation($id: UUID!) { invoicePay(id: $id) { redirectUrl } }', { id: invoice.id })),
    ).toBe('NOT_FOUND');

    const { invoicePay } = await anna.ok('mutation($id: UUID!) { invoicePay(id: $id) { redirectUrl } }', {
      id: invoice.id,
    });
    expect(invoicePay.redirectUrl).toMatch(/^https?:\/\//);
    const [{ provider_reference: reference }] = await sql(
      `select provider_reference from payments where order_id = $1 and status = 'PENDING' order by created_at desc limit 1`,
      [checkout.orderId],
    );
    const { body, headers } = stripe.signedDelivery(stripe.completeSession(reference));
    const res = await fetch(`${demo.url}/webhooks/stripe/jj-media`, { method: 'POST', headers, body });
    expect(((await res.json()) as { outcome: string }).outcome).toBe('paid');

    const { invoice: paid } = await anna.ok<{ invoice: InvoiceShape }>(INVOICE_BY_ID, { id: invoice.id });
    expect(paid).toMatchObject({
      status: 'PAID',
      paidVia: 'PROVIDER',
      payable: false,
      paidMinor: invoice.totalMinor,
      remainingMinor: 0,
      surplusMinor: 0,
    });
    const [order] = await sql(`select status from orders where id = $1`, [checkout.orderId]);
    expect(order.status).toBe('PAID');
    // The same invoice (no second one), and paying again is refused.
    const [{ n }] = await sql(`select count(*)::int as n from invoices where order_id = $1 and kind = 'INVOICE'`, [
      checkout.orderId,
    ]);
    expect(n).toBe(1);
    expect(
      errorCode(await anna.gql('mutation($id: UUID!) { invoicePay(id: $id) { redirectUrl } }', { id: invoice.id })),
    ).toBe('BAD_USER_INPUT');
  });
});
