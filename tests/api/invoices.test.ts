// Issue 19 (M13): invoices for paid orders: VAT by buyer, the PDF's legally required content in
// Swedish and English (read back with a PDF parser), gap-free numbers with two server processes
// paying at once, credit notes on a refund, and who may download which PDF (S8, S39).
import { readFile } from 'node:fs/promises';
import { demoPaymentAccounts } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';
import { hasPdfToPpm, pdfPageToPng } from '../support/pdf-page';
import { pdfText } from '../support/pdf-text';
import { startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';

const WEBHOOK_SECRET = demoPaymentAccounts['jj-media'].stripe.webhookSecret;
let stripe: FakeStripe;
let demo: DemoApp;
let second: SitecareProcess;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET });
  const env = { STRIPE_API_BASE: stripe.baseUrl, INVOICE_EXCHANGE_RATES: 'EUR=11.25,USD=10.50' };
  demo = await startDemoApp(env);
  // A second server process on the same database (as two replicas behind a load balancer).
  second = await startSitecareProcess({ ...demo.db.env, ...env, SITECARE_DEMO: 'false' });
});
afterAll(async () => {
  await second?.stop();
  await demo?.stop();
  await stripe?.close();
});

const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId orderNumber } }';
const INVOICE = `id kind number issueDate dueDate status currency subtotalMinor vatMinor totalMinor vatReason
  buyerName buyerVatNumber pdfUrl exchangeRate vatSekMinor`;

interface Buyer {
  name: string;
  email: string;
  company?: string;
  country: string;
  buyerType: 'COMPANY' | 'PRIVATE';
  vatNumber?: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  preferredLanguage: 'sv' | 'en';
}

let packageId: string;
async function checkout(buyer: Buyer, currency = 'SEK') {
  packageId ??= (
    await sql(
      `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' and p.name_en = 'Plus'`,
    )
  )[0].id;
  const res = await new ApiClient(demo.url).gql(CHECKOUT, {
    i: { agency: 'jj-media', packageId, interval: 'MONTHLY', currency, provider: 'STRIPE', buyer },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.checkout as { orderId: string; orderNumber: number };
}

/** The provider's signed "paid" event for the order, delivered to `url` (either server). */
async function pay(orderId: string, url = demo.url) {
  const [{ provider_reference: ref }] = await sql(`select provider_reference from payments where order_id = $1`, [
    orderId,
  ]);
  const signed = stripe.signedDelivery(stripe.completeSession(ref));
  const res = await fetch(`${url}/webhooks/stripe/jj-media`, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
  });
  const body = (await res.json()) as { outcome?: string };
  expect(body.outcome).toBe('paid');
}

async function download(client: ApiClient, pdfUrl: string) {
  const res = await fetch(`${demo.url}${pdfUrl}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

const BUYERS: Record<string, { buyer: Omit<Buyer, 'email' | 'preferredLanguage'>; currency: string }> = {
  'a Swedish company': {
    buyer: {
      name: 'Nils Nyström',
      company: 'Nya Butiken AB',
      country: 'SE',
      buyerType: 'COMPANY',
      addressLine1: 'Drottninggatan 5',
      postalCode: '411 14',
      city: 'Göteborg',
    },
    currency: 'SEK',
  },
  'an EU company with reverse charge': {
    buyer: {
      name: 'Jonas Weber',
      company: 'Weber Webdesign GmbH',
      country: 'DE',
      buyerType: 'COMPANY',
      vatNumber: 'DE 136 695 976',
      addressLine1: 'Hauptstraße 10',
      postalCode: '10115',
      city: 'Berlin',
    },
    currency: 'EUR',
  },
  'a private person': {
    buyer: {
      name: 'Aino Virtanen',
      country: 'FI',
      buyerType: 'PRIVATE',
      addressLine1: 'Mannerheimintie 1',
      postalCode: '00100',
      city: 'Helsinki',
    },
    currency: 'EUR',
  },
  'a buyer outside the EU': {
    buyer: {
      name: 'Jane Miller',
      company: 'Miller Studio LLC',
      country: 'US',
      buyerType: 'COMPANY',
      addressLine1: '1 Main Street',
      postalCode: 'NY 10001',
      city: 'New York',
    },
    currency: 'USD',
  },
};

const EXPECTED_VAT: Record<string, [string, number]> = {
  'a Swedish company': ['DOMESTIC', 2500],
  'an EU company with reverse charge': ['REVERSE_CHARGE', 0],
  'a private person': ['EU_PRIVATE_SWEDISH', 2500],
  'a buyer outside the EU': ['OUTSIDE_EU', 0],
};

/** A money amount as the PDF prints it (Intl, the buyer's language; spaces normalised). */
const money = (minor: number, currency: string, language: 'sv' | 'en') =>
  new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { style: 'currency', currency })
    .format(minor / 100)
    .replace(/[\s\u00a0\u202f]+/g, ' ');

describe('M13: invoices for paid orders', () => {
  const staffInvoices: Record<string, { id: string; number: number; pdfUrl: string }> = {};

  for (const [who, { buyer, currency }] of Object.entries(BUYERS)) {
    for (const language of ['sv', 'en'] as const) {
      it(`M13: the invoice PDF of ${who} (${language}) holds every field the VAT act requires`, async () => {
        const email = `${who.replace(/\W+/g, '-')}-${language}@buyers.example.com`;
        const { orderId, orderNumber } = await checkout({ ...buyer, email, preferredLanguage: language }, currency);
        await pay(orderId);
        const staff = await as(demo.url, 'jj-media', 'ADMIN');
        const { order } = await staff.ok(
          `query($id: UUID!) { order(id: $id) { vatReason vatRateBasisPoints buyerType buyerCountry buyerVatNumber invoices { ${INVOICE} } } }`,
          { id: orderId },
        );
        const [reason, rate] = EXPECTED_VAT[who];
        expect(order).toMatchObject({ vatReason: reason, vatRateBasisPoints: rate, buyerCountry: buyer.country });
        expect(order.invoices).toHaveLength(1);
        const invoice = order.invoices[0];
        expect(invoice).toMatchObject({ kind: 'INVOICE', status: 'PAID', currency, vatReason: reason });
        expect(invoice.totalMinor).toBe(invoice.subtotalMinor + invoice.vatMinor);
        expect(invoice.vatMinor).toBe(Math.round((invoice.subtotalMinor * rate) / 10_000));
        staffInvoices[`${who} ${language}`] = invoice;

        const file = await download(staff, invoice.pdfUrl);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toBe('application/pdf');
        expect(file.headers.get('content-disposition')).toContain(
          `${language === 'sv' ? 'faktura' : 'invoice'}-${invoice.number}.pdf`,
        );
        const pdf = await pdfText(file.body);
        expect(file.body.subarray(0, 8).toString()).toBe('%PDF-1.7');
        // PDF/A: the XMP metadata names the part and conformance (pdfkit's PDF/A-2b).
        expect(file.body.toString('latin1')).toMatch(/pdfaid:part>2</);
        expect(file.body.toString('latin1')).toMatch(/pdfaid:conformance>B</);
        const t = pdf.text;
        const sv = language === 'sv';
        const fmt = (minor: number) => money(minor, currency, language);
        const required = [
          sv ? 'Faktura' : 'Invoice',
          `${sv ? 'Fakturanummer' : 'Invoice number'}: ${invoice.number}`,
          `${sv ? 'Fakturadatum' : 'Invoice date'}: ${invoice.issueDate}`,
          `${sv ? 'Ordernummer' : 'Order number'}: ${orderNumber}`,
          // The seller: name, address, organisation number, VAT number, F-skatt.
          'JJ Media AB',
          'Storgatan 1',
          '111 22 Stockholm',
          sv ? 'Sverige' : 'Sweden', // the seller's country in the document's language
          `${sv ? 'Organisationsnummer' : 'Company registration number'}: 556712-3459`,
          `${sv ? 'Momsregistreringsnummer' : 'VAT registration number'}: SE556712345901`,
          'Godkänd för F-skatt',
          // The buyer: name and address.
          buyer.company ?? buyer.name,
          buyer.addressLine1,
          `${buyer.postalCode} ${buyer.city}`,
          // The line: description, supply period, quantity, unit price without VAT, rate.
          `Plus (${sv ? 'månadsvis' : 'monthly'})`,
          fmt(invoice.subtotalMinor),
          `${rate / 100} %`,
          // Per rate: the taxable amount and the VAT; the totals.
          sv ? 'Moms per momssats' : 'VAT by rate',
          fmt(invoice.vatMinor),
          `${sv ? 'Att betala' : 'Amount due'} ${fmt(invoice.totalMinor)}`,
          // Payment terms and details.
          sv ? 'Betalningsvillkor' : 'Payment terms',
          'Bankgiro 505-1057',
          'IBAN SE45 5000 0000 0583 9825 7466',
        ];
        for (const text of required) expect(t).toContain(text);
        expect(t).toMatch(/\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/); // the supply period
        if (reason === 'REVERSE_CHARGE') {
          expect(t).toContain('Omvänd betalningsskyldighet / Reverse charge');
          expect(t).toContain('DE136695976'); // the buyer's VAT number
        } else {
          expect(t).not.toContain('Omvänd betalningsskyldighet');
        }
        if (reason === 'OUTSIDE_EU') expect(t).toContain(sv ? 'ingen svensk mervärdesskatt' : 'no Swedish VAT');
        if (currency !== 'SEK') {
          const rateOfCurrency = currency === 'EUR' ? 11.25 : 10.5;
          expect(invoice.exchangeRate).toBe(rateOfCurrency.toFixed(6));
          expect(invoice.vatSekMinor).toBe(Math.round(invoice.vatMinor * rateOfCurrency));
          expect(t).toContain(`${sv ? 'Moms i SEK' : 'VAT in SEK'}: ${money(invoice.vatSekMinor, 'SEK', language)}`);
          expect(t).toContain(`${sv ? 'kurs' : 'rate'} ${rateOfCurrency.toFixed(6)} SEK/${currency}`);
        }
        // The receipt mail attaches this invoice.
        const [receipt] = await sql(
          `select invoice_id from outbox_messages where recipient = $1 and template = 'order.receipt'`,
          [email],
        );
        expect(receipt.invoice_id).toBe(invoice.id);
      });
    }
  }

  it('M13: the invoice PDF is PDF/A-2b in its parts (XMP identification, sRGB output intent, every font embedded) and renders to a PNG page', async () => {
    const { orderId } = await checkout(
      { ...BUYERS['a Swedish company'].buyer, email: 'pdfa@buyers.example.com', preferredLanguage: 'sv' },
      'SEK',
    );
    await pay(orderId);
    const staff = await as(demo.url, 'jj-media', 'ADMIN');
    const { order } = await staff.ok(`query($id: UUID!) { order(id: $id) { invoices { ${INVOICE} } } }`, {
      id: orderId,
    });
    const file = await download(staff, order.invoices[0].pdfUrl);
    const raw = file.body.toString('latin1');
    // The objects' dictionaries are plain text (pdfkit compresses only streams): read them from the bytes.
    const objects = new Map<number, string>();
    for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]);
    const dict = (ref: string | undefined) => objects.get(Number(ref?.split(' ')[0])) ?? '';
    const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o))!;
    expect(catalog).toBeDefined();
    // The XMP metadata stream: referenced from the catalog, with the PDF/A identification (part 2, B).
    const metadata = dict(/\/Metadata (\d+ 0 R)/.exec(catalog)?.[1]);
    expect(metadata).toMatch(/\/Type \/Metadata/);
    expect(metadata).toMatch(/\/Subtype \/XML/);
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(raw).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    // The output intent: GTS_PDFA1 with an embedded ICC profile (sRGB, three components).
    expect(catalog).toMatch(/\/OutputIntents/);
    const intent = [...objects.values()].find((o) => /\/Type \/OutputIntent/.test(o))!;
    expect(intent).toMatch(/\/S \/GTS_PDFA1/);
    expect(intent).toMatch(/sRGB/);
    const profile = dict(/\/DestOutputProfile (\d+ 0 R)/.exec(intent)?.[1]);
    expect(profile).toMatch(/\/N 3/);
    // Every font is embedded: each descriptor carries its font program, and no standard-14 font is used.
    const descriptors = [...objects.values()].filter((o) => /\/Type \/FontDescriptor/.test(o));
    expect(descriptors.length).toBeGreaterThan(0);
    for (const d of descriptors) expect(d).toMatch(/\/FontFile2 \d+ 0 R/);
    const fonts = [...objects.values()].filter((o) => /\/Type \/Font\b/.test(o));
    for (const f of fonts) expect(f).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
    // No encryption, no JavaScript (both forbidden in PDF/A).
    expect(raw).not.toMatch(/\/Encrypt\b|\/JavaScript\b/);

    // The page as an image (docs/invoice-page.png with SITECARE_DOC_SCREENSHOTS=1): only a machine without
    // poppler's pdftoppm (not an npm package; `pnpm test` installs it on Debian) skips this step.
    if (!hasPdfToPpm()) {
      console.warn('M13: pdftoppm is not installed: the invoice page PNG is not rendered');
      return;
    }
    const png = await readFile(await pdfPageToPng(file.body, 'invoice-page'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // An A4 page (595.28 × 841.89 pt) at 110 dpi, rounded up: 910 × 1287 pixels (the IHDR chunk).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([910, 1287]);
  });

  it('M13: a VAT number with a wrong check digit is refused at checkout, naming the field', async () => {
    const res = await new ApiClient(demo.url).gql(CHECKOUT, {
      i: {
        agency: 'jj-media',
        packageId,
        interval: 'MONTHLY',
        currency: 'EUR',
        provider: 'STRIPE',
        buyer: {
          ...BUYERS['an EU company with reverse charge'].buyer,
          vatNumber: 'DE136695977',
          email: 'typo@buyers.example.com',
        },
      },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('buyer.vatNumber');
  });

  it('M13: invoice numbers stay gap-free with two server processes paying orders at the same time', async () => {
    const orders = [];
    for (let i = 0; i < 12; i++) {
      orders.push(
        await checkout(
          { ...BUYERS['a Swedish company'].buyer, email: `race-${i}@buyers.example.com`, preferredLanguage: 'sv' },
          'SEK',
        ),
      );
    }
    // Every payment event at once, half through each process.
    await Promise.all(orders.map((o, i) => pay(o.orderId, i % 2 ? second.url : demo.url)));
    const numbers = (
      await sql<{ number: number }>(
        `select i.number from invoices i join tenants t on t.id = i.tenant_id
          where t.slug = 'jj-media' and i.kind = 'INVOICE' order by i.number`,
      )
    ).map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1)); // 1..n: none skipped, none twice
    const [{ last }] = await sql(
      `select c.last_number as last from document_counters c join tenants t on t.id = c.tenant_id
        where t.slug = 'jj-media' and c.series = 'INVOICE'`,
    );
    expect(last).toBe(numbers.length);
    const [{ n }] = await sql(
      `select count(*)::int as n from invoices where order_id = any($1::uuid[]) and kind = 'INVOICE'`,
      [orders.map((o) => o.orderId)],
    );
    expect(n).toBe(orders.length);
  });

  it('M13: a refund issues a credit note in its own series: negative amounts, VAT per rate, the invoice referenced', async () => {
    const { orderId } = await checkout(
      { ...BUYERS['a Swedish company'].buyer, email: 'refund@buyers.example.com', preferredLanguage: 'sv' },
      'SEK',
    );
    await pay(orderId);
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    await admin.ok('mutation($id: UUID!, $i: OrderRefundInput!) { orderRefund(id: $id, input: $i) { status } }', {
      id: orderId,
      i: { reason: 'Kunden ångrade sig' },
    });
    const { order } = await admin.ok(
      `query($id: UUID!) { order(id: $id) { invoices { ${INVOICE} creditedInvoice { id number } } } }`,
      { id: orderId },
    );
    const [invoice, note] = order.invoices;
    expect(invoice).toMatchObject({ kind: 'INVOICE', status: 'CREDITED' });
    expect(note).toMatchObject({
      kind: 'CREDIT_NOTE',
      status: 'ISSUED',
      subtotalMinor: -invoice.subtotalMinor,
      vatMinor: -invoice.vatMinor,
      totalMinor: -invoice.totalMinor,
      creditedInvoice: { id: invoice.id, number: invoice.number },
    });
    // Its own series: the demo's refunded order has credit note 1.
    const notes = await sql(
      `select i.number from invoices i join tenants t on t.id = i.tenant_id where t.slug = 'jj-media' and i.kind = 'CREDIT_NOTE' order by number`,
    );
    expect(notes.map((r) => r.number)).toEqual(notes.map((_, i) => i + 1));
    expect(note.number).toBe(notes.length);
    const t = (await pdfText((await download(admin, note.pdfUrl)).body)).text;
    for (const text of [
      'Kreditfaktura',
      `Kreditfakturanummer: ${note.number}`,
      `Krediterar faktura nr: ${invoice.number}`,
      `Att återbetala ${money(note.totalMinor, 'SEK', 'sv')}`,
      money(note.vatMinor, 'SEK', 'sv'),
      'Godkänd för F-skatt',
    ])
      expect(t).toContain(text);
  });

  it('M13, S39: a customer downloads their own invoice, never another customer’s or another agency’s (404), on both answer paths', async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER'); // Bageriet's login
    const { invoices } = await anna.ok(`{ invoices { totalCount nodes { ${INVOICE} } } }`);
    expect(invoices.totalCount).toBeGreaterThan(0);
    const annaCustomer = (
      await sql(
        `select k.customer_id from users u join contacts k on k.id = u.contact_id where u.email = 'anna@bageriet.example.com'`,
      )
    )[0].customer_id;
    const own = await sql(`select id from invoices where customer_id = $1`, [annaCustomer]);
    expect(invoices.nodes.map((i: { id: string }) => i.id).sort()).toEqual(own.map((r) => r.id).sort());
    const mine = await download(anna, invoices.nodes[0].pdfUrl);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');

    const [other] = await sql(
      `select i.id, i.pdf_url from invoices i join tenants t on t.id = i.tenant_id where t.slug = 'jj-media' and i.customer_id <> $1 limit 1`,
      [annaCustomer],
    );
    const [foreign] = await sql(
      `select i.id, i.pdf_url from invoices i join tenants t on t.id = i.tenant_id where t.slug = 'nordvik-webbyra' limit 1`,
    );
    expect(other && foreign).toBeTruthy();
    for (const target of [other, foreign]) {
      expect((await download(anna, target.pdf_url)).status).toBe(404);
      // Twice: the first answer comes through Apollo's resolvers, the second through the compiled lane.
      for (let i = 0; i < 2; i++) {
        const res = await anna.gql(`query($id: UUID!) { invoice(id: $id) { id number pdfUrl } }`, { id: target.id });
        expect(errorCode(res)).toBe('NOT_FOUND');
      }
    }
    // Staff of the agency read its invoices, not another agency's; a contractor none; nobody without a login.
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect((await download(staff, other.pdf_url)).status).toBe(200);
    expect((await download(staff, foreign.pdf_url)).status).toBe(404);
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    expect((await download(contractor, other.pdf_url)).status).toBe(404);
    expect(errorCode(await contractor.gql('{ invoices { totalCount } }'))).toBe('FORBIDDEN');
    expect((await download(new ApiClient(demo.url), other.pdf_url)).status).toBe(401);
  });
});

/** Code page 437 (SIE's PC8) as text: ASCII and the letters Swedish names use. */
const CP437: Record<number, string> = {
  0x81: 'ü',
  0x82: 'é',
  0x84: 'ä',
  0x86: 'å',
  0x8e: 'Ä',
  0x8f: 'Å',
  0x94: 'ö',
  0x99: 'Ö',
};
const fromPc8 = (bytes: Buffer) =>
  [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : (CP437[b] ?? '?'))).join('');

/** A small SIE 4 reader: the labels, and the vouchers with their transactions (öre). */
function readSie(text: string) {
  const labels: Record<string, string[]> = {};
  const vouchers: Array<{
    series: string;
    number: number;
    date: string;
    text: string;
    trans: Array<[number, number]>;
  }> = [];
  let open: (typeof vouchers)[number] | null = null;
  for (const line of text.split('\r\n').filter(Boolean)) {
    const trimmed = line.trim();
    if (trimmed === '{' || trimmed === '}') {
      if (trimmed === '}') open = null;
      continue;
    }
    const [label, ...rest] = trimmed.match(/"(?:[^"\\]|\\.)*"|{[^}]*}|\S+/g)!;
    if (label === '#VER') {
      open = { series: rest[0], number: Number(rest[1]), date: rest[2], text: rest[3].slice(1, -1), trans: [] };
      vouchers.push(open);
    } else if (label === '#TRANS') {
      open!.trans.push([Number(rest[0]), Math.round(Number(rest[2]) * 100)]);
    } else (labels[label] ??= []).push(rest.join(' '));
  }
  return { labels, vouchers };
}

describe('M13: the accounting export', () => {
  const year = new Date().getUTCFullYear();
  const period = { from: `${year}-01-01`, to: new Date().toISOString().slice(0, 10) };
  const EXPORT = `query($i: InvoiceExportInput!) { invoiceExport(input: $i) { filename contentType contentBase64 } }`;

  it('M13: the SIE 4 file parses, every voucher balances, and its totals agree with the period’s invoices', async () => {
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { invoiceExport } = await staff.ok(EXPORT, { i: { format: 'SIE', ...period } });
    expect(invoiceExport.filename).toBe(`sie-${period.from}-${period.to}.se`);
    const { labels, vouchers } = readSie(fromPc8(Buffer.from(invoiceExport.contentBase64, 'base64')));
    expect(labels['#FLAGGA']).toEqual(['0']);
    expect(labels['#FORMAT']).toEqual(['PC8']);
    expect(labels['#SIETYP']).toEqual(['4']);
    expect(labels['#PROGRAM'][0]).toMatch(/^"Sitecare"/);
    expect(labels['#ORGNR']).toEqual(['556712-3459']);
    expect(labels['#FNAMN']).toEqual(['"JJ Media AB"']);
    expect(labels['#RAR']).toEqual([`0 ${year}0101 ${year}1231`]);
    const accounts = labels['#KONTO'].map((k) => Number(k.split(' ')[0]));
    expect(accounts).toEqual(expect.arrayContaining([1510, 1930, 2611, 3001, 3305, 3308]));

    expect(vouchers.length).toBeGreaterThan(0);
    for (const v of vouchers) {
      expect(v.trans.length).toBeGreaterThanOrEqual(2);
      expect(v.trans.reduce((sum, [, ore]) => sum + ore, 0) || 0).toBe(0); // balances
      for (const [account] of v.trans) expect(accounts).toContain(account);
    }
    // Each series is numbered 1..n.
    for (const series of ['F', 'K', 'B']) {
      const numbers = vouchers.filter((v) => v.series === series).map((v) => v.number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    // Swedish letters survive code page 437 (the demo's customers).
    expect(vouchers.some((v) => v.text.includes('Fjällbacka Bryggeri'))).toBe(true);

    // Totals agree with the period's invoices and credit notes (in SEK at their recorded rates).
    const docs = await sql(
      `select i.kind, i.vat_reason,
              case when i.currency = 'SEK' then i.subtotal_minor else round(i.subtotal_minor * i.exchange_rate)::int end as net,
              coalesce(i.vat_sek_minor, i.vat_minor) as vat
         from invoices i join tenants t on t.id = i.tenant_id
        where t.slug = 'jj-media' and i.issue_date between $1::date and $2::date`,
      [period.from, period.to],
    );
    const sum = (rows: Array<Record<string, any>>, key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);
    const invoices = docs.filter((d) => d.kind === 'INVOICE');
    const notes = docs.filter((d) => d.kind === 'CREDIT_NOTE');
    expect(vouchers.filter((v) => v.series === 'F')).toHaveLength(invoices.length);
    expect(vouchers.filter((v) => v.series === 'K')).toHaveLength(notes.length);
    const onAccounts = (series: string[], wanted: number[]) =>
      vouchers
        .filter((v) => series.includes(v.series))
        .flatMap((v) => v.trans)
        .filter(([a]) => wanted.includes(a))
        .reduce((s, [, ore]) => s + ore, 0);
    expect(0 - onAccounts(['F', 'K'], [3001, 3305, 3308])).toBe(sum(docs, 'net'));
    expect(0 - onAccounts(['F', 'K'], [2611])).toBe(sum(docs, 'vat'));
    expect(0 - onAccounts(['F'], [3308])).toBe(
      sum(
        invoices.filter((d) => d.vat_reason === 'REVERSE_CHARGE'),
        'net',
      ),
    );
    expect(0 - onAccounts(['F'], [3305])).toBe(
      sum(
        invoices.filter((d) => d.vat_reason === 'OUTSIDE_EU'),
        'net',
      ),
    );
    // Payments: the bank account moves by what came in less what went back.
    expect(vouchers.some((v) => v.series === 'B' && v.trans.some(([a]) => a === 1930))).toBe(true);
  });

  it('M13: bank payments (staff’s, BgMax) are payment vouchers: bank against receivables, an overpayment’s surplus on customer advances (2420); each balances', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { orderId } = await checkout(
      { ...BUYERS['a Swedish company'].buyer, email: 'bank-payer@buyers.example.com', preferredLanguage: 'sv' },
      'SEK',
    );
    const { orderIssueInvoice: invoice } = await admin.ok<{
      orderIssueInvoice: { id: string; number: number; totalMinor: number };
    }>('mutation($id: UUID!) { orderIssueInvoice(id: $id) { id number totalMinor } }', { id: orderId });
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const MARK = `mutation($id: UUID!, $i: InvoiceMarkPaidInput!) { invoiceMarkPaid(id: $id, input: $i) { status remainingMinor } }`;
    const part = 20_000;
    expect((await admin.ok(MARK, { id: invoice.id, i: { paidOn: today, amountMinor: part } })).invoiceMarkPaid).toEqual(
      { status: 'OPEN', remainingMinor: invoice.totalMinor - part },
    );
    const rest = invoice.totalMinor - part;
    expect(
      (await admin.ok(MARK, { id: invoice.id, i: { paidOn: today, amountMinor: rest + 1_234 } })).invoiceMarkPaid,
    ).toEqual({ status: 'PAID', remainingMinor: 0 });

    const { invoiceExport } = await admin.ok(EXPORT, { i: { format: 'SIE', from: today, to: today } });
    const { labels, vouchers } = readSie(fromPc8(Buffer.from(invoiceExport.contentBase64, 'base64')));
    expect(labels['#KONTO']).toContain('2420 "Förskott från kunder"');
    const payments = vouchers.filter(
      (v) => v.series === 'B' && v.text.startsWith(`Inbetalning faktura ${invoice.number},`),
    );
    const bank = (await admin.ok('query { basAccounts { bank } }')).basAccounts.bank as number;
    expect(payments.map((v) => v.trans)).toEqual([
      [
        [bank, part],
        [1510, -part],
      ],
      [
        [bank, rest + 1_234],
        [1510, -rest],
        [2420, -1_234],
      ],
    ]);
    for (const v of vouchers) expect(v.trans.reduce((sum, [, ore]) => sum + ore, 0)).toBe(0);
    // The invoice itself is one voucher of the full amount on receivables: the payments clear it.
    const sale = vouchers.find((v) => v.series === 'F' && v.text.startsWith(`Faktura ${invoice.number},`))!;
    const receivable = (v: { trans: Array<[number, number]> }) =>
      v.trans.filter(([a]) => a === 1510).reduce((sum, [, ore]) => sum + ore, 0);
    expect(receivable(sale) + payments.reduce((sum, v) => sum + receivable(v), 0)).toBe(0);
  });

  it('M13: the agency changes a BAS account and the export uses it; the CSV lists the period’s documents', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const refused = await admin.gql('mutation { basAccountsSet(input: { bank: 42 }) { bank } }');
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const { basAccountsSet } = await admin.ok(
      'mutation { basAccountsSet(input: { bank: 1940 }) { bank receivables } }',
    );
    expect(basAccountsSet).toEqual({ bank: 1940, receivables: 1510 });
    const { invoiceExport } = await admin.ok(EXPORT, { i: { format: 'SIE', ...period } });
    const { vouchers } = readSie(fromPc8(Buffer.from(invoiceExport.contentBase64, 'base64')));
    const bank = vouchers.filter((v) => v.series === 'B').flatMap((v) => v.trans.map(([a]) => a));
    expect(bank).toContain(1940);
    expect(bank).not.toContain(1930);

    const csv = (await admin.ok(EXPORT, { i: { format: 'CSV', ...period } })).invoiceExport;
    const lines = Buffer.from(csv.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^kind,number,issueDate,dueDate,creditsInvoice,orderNumber,buyer/);
    const [{ n }] = await sql(
      `select count(*)::int as n from invoices i join tenants t on t.id = i.tenant_id
        where t.slug = 'jj-media' and i.issue_date between $1::date and $2::date`,
      [period.from, period.to],
    );
    expect(lines).toHaveLength(n + 1);
    // Customers and contractors get no export.
    for (const role of ['CUSTOMER', 'CONTRACTOR'] as const)
      expect(
        errorCode(await (await as(demo.url, 'jj-media', role)).gql(EXPORT, { i: { format: 'CSV', ...period } })),
      ).toBe('FORBIDDEN');
  });
});
