// Issue 19: the invoice and credit-note PDF, made once when the document is issued and stored with it.
// pdfkit (MIT, maintained, pure JavaScript, no browser): it embeds TrueType fonts (subsetted) and writes
// PDF/A (`subset: 'PDF/A-2b'`: XMP metadata, an output intent, every font embedded), which the
// alternatives here do not do as directly (pdfmake builds on pdfkit; @react-pdf/renderer needs React on
// the server and has no PDF/A mode). The font is DejaVu Sans (the `dejavu-fonts-ttf` package: a free
// licence, and it covers å, ä, ö, the euro sign and the minus sign). PDF/A-2b rather than 1b because an
// agency's PNG logo may have transparency, which PDF/A-1 forbids.
import type PDFKit from 'pdfkit';
import { formatMoney } from '../mail/templates';
import { InvoiceKind, type Invoice } from './invoice.entity';
import { VatReason } from './vat';

// Loaded at first use, not at start-up: most server and CLI processes never need it (issue 24).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfDocument = (): typeof PDFKit => require('pdfkit');

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

type Language = 'sv' | 'en';

const WORDS = {
  sv: {
    invoice: 'Faktura',
    creditNote: 'Kreditfaktura',
    number: 'Fakturanummer',
    creditNumber: 'Kreditfakturanummer',
    credits: 'Krediterar faktura nr',
    issueDate: 'Fakturadatum',
    dueDate: 'Förfallodatum',
    orderNumber: 'Ordernummer',
    seller: 'Säljare',
    buyer: 'Köpare',
    orgNumber: 'Organisationsnummer',
    vatNumber: 'Momsregistreringsnummer',
    buyerVatNumber: 'Köparens momsregistreringsnummer',
    fSkatt: 'Godkänd för F-skatt',
    description: 'Beskrivning',
    period: 'Leveransperiod',
    quantity: 'Antal',
    unitPrice: 'À-pris exkl. moms',
    vatRate: 'Moms',
    amount: 'Belopp exkl. moms',
    vatSummary: 'Moms per momssats',
    taxable: 'Underlag',
    rate: 'Momssats',
    vat: 'Moms',
    subtotal: 'Summa exkl. moms',
    vatTotal: 'Summa moms',
    total: 'Att betala',
    creditTotal: 'Att återbetala',
    paid: 'Betald',
    terms: 'Betalningsvillkor',
    termsPaid: 'Betald med kort eller konto hos betalningsleverantören; inget att betala.',
    termsDays: (days: number) => `${days} dagar netto`,
    payTo: 'Betalning till',
    bankgiro: 'Bankgiro',
    plusgiro: 'Plusgiro',
    iban: 'IBAN',
    bic: 'BIC',
    reference: 'Ange som referens',
    ocr: 'OCR-nummer',
    vatInSek: 'Moms i SEK',
    rateNote: (rate: string, currency: string, source: string) => `kurs ${rate} SEK/${currency}, ${source}`,
    reasons: {
      [VatReason.DOMESTIC]: null,
      [VatReason.REVERSE_CHARGE]:
        'Omvänd betalningsskyldighet / Reverse charge. Köparen redovisar mervärdesskatten (artikel 196, rådets direktiv 2006/112/EG).',
      [VatReason.OUTSIDE_EU]:
        'Tjänsten omsätts utanför EU: ingen svensk mervärdesskatt (Tjänster omsatta utomlands, 6 kap. ML).',
      [VatReason.EU_PRIVATE_SWEDISH]: null,
      [VatReason.EU_PRIVATE_DESTINATION]: 'Mervärdesskatt enligt köparens land, redovisad i unionsordningen (OSS).',
    },
  },
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    number: 'Invoice number',
    creditNumber: 'Credit note number',
    credits: 'Credits invoice no.',
    issueDate: 'Invoice date',
    dueDate: 'Due date',
    orderNumber: 'Order number',
    seller: 'Seller',
    buyer: 'Buyer',
    orgNumber: 'Company registration number',
    vatNumber: 'VAT registration number',
    buyerVatNumber: "Buyer's VAT registration number",
    fSkatt: 'Godkänd för F-skatt (approved for F-tax)',
    description: 'Description',
    period: 'Supply period',
    quantity: 'Qty',
    unitPrice: 'Unit price excl. VAT',
    vatRate: 'VAT',
    amount: 'Amount excl. VAT',
    vatSummary: 'VAT by rate',
    taxable: 'Taxable amount',
    rate: 'Rate',
    vat: 'VAT',
    subtotal: 'Total excl. VAT',
    vatTotal: 'Total VAT',
    total: 'Amount due',
    creditTotal: 'Amount credited',
    paid: 'Paid',
    terms: 'Payment terms',
    termsPaid: "Paid by card or account with the agency's payment provider; nothing to pay.",
    termsDays: (days: number) => `${days} days net`,
    payTo: 'Pay to',
    bankgiro: 'Bankgiro',
    plusgiro: 'Plusgiro',
    iban: 'IBAN',
    bic: 'BIC',
    reference: 'Reference',
    ocr: 'OCR reference',
    vatInSek: 'VAT in SEK',
    rateNote: (rate: string, currency: string, source: string) => `rate ${rate} SEK/${currency}, ${source}`,
    reasons: {
      [VatReason.DOMESTIC]: null,
      [VatReason.REVERSE_CHARGE]:
        'Omvänd betalningsskyldighet / Reverse charge. The buyer accounts for the VAT (Article 196, Council Directive 2006/112/EC).',
      [VatReason.OUTSIDE_EU]: 'Service supplied outside the EU: no Swedish VAT.',
      [VatReason.EU_PRIVATE_SWEDISH]: null,
      [VatReason.EU_PRIVATE_DESTINATION]: "VAT of the buyer's country, declared through the One-Stop Shop (OSS).",
    },
  },
} as const;

const percent = (basisPoints: number, language: Language) =>
  `${new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** What the PDF needs beyond the invoice row. */
export interface PdfExtras {
  orderNumber: number;
  /** The invoice a credit note credits. */
  creditedNumber?: number | null;
  logo?: { bytes: Buffer; contentType: string } | null;
}

/** The document's file name, e.g. `faktura-12.pdf` / `credit-note-3.pdf`. */
export function invoiceFileName(invoice: Pick<Invoice, 'kind' | 'number' | 'language'>): string {
  const sv = invoice.language === 'sv';
  const word =
    invoice.kind === InvoiceKind.CREDIT_NOTE ? (sv ? 'kreditfaktura' : 'credit-note') : sv ? 'faktura' : 'invoice';
  return `${word}-${invoice.number}.pdf`;
}

/** Renders the document (PDF/A-2b, fonts embedded). Deterministic for the same input and creation date. */
export function renderInvoicePdf(invoice: Invoice, extras: PdfExtras): Promise<Buffer> {
  const lang: Language = invoice.language === 'en' ? 'en' : 'sv';
  const w = WORDS[lang];
  const money = (minor: number) => formatMoney(minor, invoice.currency, lang);
  const credit = invoice.kind === InvoiceKind.CREDIT_NOTE;
  const title = credit ? w.creditNote : w.invoice;
  const seller = invoice.seller;

  const PDFDocument = pdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: lang === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${title} ${invoice.number}`,
      Author: seller.legalName ?? seller.name,
      Subject: `${title} ${invoice.number}`,
      Creator: 'Sitecare',
      CreationDate: new Date(`${invoice.issueDate}T12:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('body').fontSize(9);

  const left = 50;
  const right = doc.page.width - 50;
  const width = right - left;

  // Header: the agency's logo (PNG or JPEG; pdfkit reads no WebP) and the title with number and dates.
  const logo = extras.logo;
  if (logo && /^image\/(png|jpeg)$/.test(logo.contentType)) {
    try {
      doc.image(logo.bytes, left, 45, { fit: [140, 50] });
    } catch {
      // an unreadable logo leaves the header without it
    }
  }
  doc
    .font('bold')
    .fontSize(18)
    .text(title, left + 280, 45, { width: width - 280, align: 'right' });
  doc.font('body').fontSize(9);
  const facts: Array<[string, string]> = [
    [credit ? w.creditNumber : w.number, String(invoice.number)],
    [w.issueDate, invoice.issueDate],
    ...(credit ? [] : ([[w.dueDate, invoice.dueDate]] as Array<[string, string]>)),
    ...(credit && extras.creditedNumber
      ? ([[w.credits, String(extras.creditedNumber)]] as Array<[string, string]>)
      : []),
    [w.orderNumber, String(extras.orderNumber)],
  ];
  let y = 72;
  for (const [label, value] of facts) {
    doc.text(`${label}: ${value}`, left + 280, y, { width: width - 280, align: 'right' });
    y += 12;
  }

  // Seller and buyer.
  y = Math.max(y, 110) + 10;
  const colWidth = width / 2 - 10;
  const sellerLines = [
    seller.legalName ?? seller.name,
    ...seller.address,
    ...(seller.organisationNumber ? [`${w.orgNumber}: ${seller.organisationNumber}`] : []),
    ...(seller.vatNumber ? [`${w.vatNumber}: ${seller.vatNumber}`] : []),
    ...(seller.fSkatt ? [w.fSkatt] : []),
    ...(seller.email ? [seller.email] : []),
  ];
  const buyerLines = [
    invoice.buyerName,
    ...invoice.buyerAddress,
    ...(invoice.buyerOrganisationNumber ? [`${w.orgNumber}: ${invoice.buyerOrganisationNumber}`] : []),
    ...(invoice.buyerVatNumber ? [`${w.buyerVatNumber}: ${invoice.buyerVatNumber}`] : []),
  ];
  doc
    .font('bold')
    .text(w.seller, left, y)
    .text(w.buyer, left + colWidth + 20, y);
  doc.font('body');
  doc.text(sellerLines.join('\n'), left, y + 13, { width: colWidth });
  const sellerBottom = doc.y;
  doc.text(buyerLines.join('\n'), left + colWidth + 20, y + 13, { width: colWidth });
  y = Math.max(sellerBottom, doc.y) + 20;

  // Lines.
  const cols = [
    { key: 'description', x: left, w: 170, align: 'left' as const },
    { key: 'period', x: left + 172, w: 95, align: 'left' as const },
    { key: 'quantity', x: left + 269, w: 35, align: 'right' as const },
    { key: 'unitPrice', x: left + 306, w: 80, align: 'right' as const },
    { key: 'vatRate', x: left + 388, w: 40, align: 'right' as const },
    { key: 'amount', x: left + 430, w: width - 430, align: 'right' as const },
  ];
  doc.font('bold').fontSize(8);
  for (const c of cols) doc.text(w[c.key as keyof typeof w] as string, c.x, y, { width: c.w, align: c.align });
  y += 22;
  doc
    .moveTo(left, y - 4)
    .lineTo(right, y - 4)
    .lineWidth(0.5)
    .stroke();
  doc.font('body').fontSize(8);
  for (const line of invoice.lines) {
    const period = line.supplyFrom === line.supplyTo ? line.supplyFrom : `${line.supplyFrom} – ${line.supplyTo}`;
    const cells = [
      line.description,
      period,
      String(line.quantity),
      money(line.unitPriceMinor),
      percent(line.vatRateBasisPoints, lang),
      money(line.totalMinor),
    ];
    let bottom = y;
    cols.forEach((c, i) => {
      doc.text(cells[i], c.x, y, { width: c.w, align: c.align });
      bottom = Math.max(bottom, doc.y);
    });
    y = bottom + 6;
  }
  doc.moveTo(left, y).lineTo(right, y).stroke();
  y += 10;

  // VAT per rate, then the totals.
  doc.font('bold').fontSize(9).text(w.vatSummary, left, y);
  y += 13;
  doc.font('body').fontSize(8);
  doc.text(w.rate, left, y, { width: 80 });
  doc.text(w.taxable, left + 80, y, { width: 100, align: 'right' });
  doc.text(w.vat, left + 180, y, { width: 100, align: 'right' });
  y += 12;
  for (const t of invoice.vatTotals) {
    doc.text(percent(t.rateBasisPoints, lang), left, y, { width: 80 });
    doc.text(money(t.taxableMinor), left + 80, y, { width: 100, align: 'right' });
    doc.text(money(t.vatMinor), left + 180, y, { width: 100, align: 'right' });
    y += 12;
  }
  let ty = y - 12 * (invoice.vatTotals.length + 2);
  const totals: Array<[string, string, boolean]> = [
    [w.subtotal, money(invoice.subtotalMinor), false],
    [w.vatTotal, money(invoice.vatMinor), false],
    [credit ? w.creditTotal : w.total, money(invoice.totalMinor), true],
  ];
  for (const [label, value, strong] of totals) {
    doc.font(strong ? 'bold' : 'body').fontSize(strong ? 10 : 9);
    doc.text(label, left + 300, ty, { width: 110 });
    doc.text(value, left + 410, ty, { width: width - 410, align: 'right' });
    ty += 14;
  }
  y = Math.max(y, ty) + 8;
  doc.font('body').fontSize(8);
  if (invoice.vatSekMinor !== null && invoice.exchangeRate) {
    const note = w.rateNote(invoice.exchangeRate, invoice.currency, invoice.exchangeRateSource ?? '');
    doc.text(`${w.vatInSek}: ${formatMoney(invoice.vatSekMinor, 'SEK', lang)} (${note})`, left, y, { width });
    y = doc.y + 6;
  }
  const reason = w.reasons[invoice.vatReason];
  if (reason) {
    doc.font('bold').text(reason, left, y, { width });
    doc.font('body');
    y = doc.y + 6;
  }

  // Payment terms and details.
  y += 6;
  const terms =
    invoice.status === 'PAID' || credit
      ? credit
        ? null
        : `${w.paid}. ${w.termsPaid}`
      : w.termsDays(daysBetween(invoice.issueDate, invoice.dueDate));
  if (terms) {
    doc.font('bold').text(`${w.terms}: `, left, y, { continued: true }).font('body').text(terms, { width });
    y = doc.y + 4;
  }
  const pay = [
    ...(seller.bankgiro ? [`${w.bankgiro} ${seller.bankgiro}`] : []),
    ...(seller.plusgiro ? [`${w.plusgiro} ${seller.plusgiro}`] : []),
    ...(seller.iban ? [`${w.iban} ${seller.iban.replace(/(.{4})(?=.)/g, '$1 ')}`] : []),
    ...(seller.bic ? [`${w.bic} ${seller.bic}`] : []),
  ];
  if (pay.length) {
    // Issue 19: an invoice is paid with its OCR reference (Bankgirot's length and check digits).
    const reference = invoice.ocrReference ? `${w.ocr}: ${invoice.ocrReference}` : `${w.reference}: ${invoice.number}`;
    doc.text(`${w.payTo}: ${pay.join(' · ')} · ${reference}`, left, y, { width });
  }
  doc.end();
  return done;
}
