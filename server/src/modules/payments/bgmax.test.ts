// Fixtures built from Bankgirot's BgMax layout (fixed width, 80 characters, ISO-8859-1): a deposit
// with a payment whose OCR reference looks like one we issued, one with a reference nobody issued, an
// overpayment, a deduction, extra references and the payer's name and address records.
import { BgMaxError, parseBgMax, referencesOf } from './bgmax';
import { createOcr } from './ocr';

/** A record: its transaction code, then [value, from, to, align] fields at Bankgirot's positions. */
function record(tk: string, fields: [string | number, number, number, ('left' | 'zeros')?][]): string {
  const chars = `${tk}${' '.repeat(78)}`.split('');
  for (const [value, from, to, align = 'left'] of fields) {
    const width = to - from + 1;
    const text = String(value);
    if (text.length > width) throw new Error(`fixture: ${text} is wider than ${width}`);
    const padded = align === 'zeros' ? text.padStart(width, '0') : text.padEnd(width, ' ');
    chars.splice(from - 1, width, ...padded.split(''));
  }
  return chars.join('');
}

const start = (mark = 'P') =>
  record('01', [
    ['BGMAX', 3, 22],
    ['01', 23, 24],
    ['20261207013000123456', 25, 44],
    [mark, 45, 45],
  ]);
const opening = (bankgiro = '56781234', currency = 'SEK') =>
  record('05', [
    [bankgiro, 3, 12, 'zeros'],
    ['', 13, 22, 'zeros'],
    [currency, 23, 25],
  ]);
const payment = (reference: string, amountMinor: number, serial: string, tk = '20', code = 2) =>
  record(tk, [
    ['9912346', 3, 12, 'zeros'],
    [reference, 13, 37],
    [amountMinor, 38, 55, 'zeros'],
    [code, 56, 56],
    [1, 57, 57],
    [serial, 58, 69, 'zeros'],
    ['0', 70, 70],
    ...(tk === '21' ? ([[3, 71, 71]] as [number, number, number][]) : []),
  ]);
const deposit = (date: string, amountMinor: number, count: number) =>
  record('15', [
    ['99123456789', 3, 37],
    [date, 38, 45],
    ['00042', 46, 50],
    [amountMinor, 51, 68, 'zeros'],
    ['SEK', 69, 71],
    [count, 72, 79, 'zeros'],
    ['K', 80, 80],
  ]);
const end = (payments: number, deductions: number, extra: number, deposits: number) =>
  record('70', [
    [payments, 3, 10, 'zeros'],
    [deductions, 11, 18, 'zeros'],
    [extra, 19, 26, 'zeros'],
    [deposits, 27, 34, 'zeros'],
  ]);
const file = (...records: string[]) => Buffer.from(`${records.join('\r\n')}\r\n`, 'latin1');

// What an invoice would carry: invoice 1042 for 1 250,00 kr, and 1043 for 500,00 kr.
const OCR_1042 = createOcr('1042');
const OCR_1043 = createOcr('1043');

const sample = () =>
  file(
    start(),
    opening(),
    // Matched-looking: the OCR of invoice 1042, the invoice's amount.
    payment(OCR_1042, 125_000, '1'),
    record('26', [
      ['Åsa Öberg Bageri AB', 3, 37],
      ['c/o Ärlig', 38, 72],
    ]),
    record('27', [
      ['Storgatan 1', 3, 37],
      ['11122', 38, 46],
    ]),
    record('28', [
      ['Göteborg', 3, 37],
      ['Sverige', 38, 72],
      ['SE', 73, 74],
    ]),
    record('29', [['005561234567', 3, 14]]),
    // A reference nobody issued (its check digit is wrong): for the list of what could not be matched.
    payment('12345678', 49_900, '2', '20', 5),
    record('25', [['Betalning avser faktura 77', 3, 52]]),
    // An overpayment of invoice 1043: 600,00 kr for 500,00 kr.
    payment(OCR_1043, 60_000, '3'),
    // Several invoices in one payment: the references come as extra records.
    payment('', 30_000, '4', '20', 3),
    record('22', [
      ['9912346', 3, 12, 'zeros'],
      [createOcr('1044'), 13, 37],
      [20_000, 38, 55, 'zeros'],
      [2, 56, 56],
    ]),
    record('23', [
      ['9912346', 3, 12, 'zeros'],
      [createOcr('1045'), 13, 37],
      [5_000, 38, 55, 'zeros'],
      [2, 56, 56],
    ]),
    // A deduction (a payment returned).
    payment(OCR_1042, 1_000, '5', '21'),
    deposit('20261204', 125_000 + 49_900 + 60_000 + 30_000 - 1_000, 5),
    end(4, 1, 2, 1),
  );

describe('M13: BgMax (incoming payments to the bankgiro)', () => {
  it('M13: BgMax: each payment with its reference, amount in öre, the deposit date and the payer (ISO-8859-1)', () => {
    const parsed = parseBgMax(sample());
    expect(parsed).toMatchObject({ version: '01', test: false, createdAt: '20261207013000123456' });
    expect(parsed.deposits).toEqual([
      expect.objectContaining({
        receivingBankgiro: '56781234',
        date: '2026-12-04',
        amountMinor: 263_900,
        paymentCount: 5,
      }),
    ]);
    const [matched, unknown, over, several, deduction] = parsed.payments;
    expect(matched).toMatchObject({
      kind: 'payment',
      reference: OCR_1042,
      ocr: true,
      referenceCode: 2,
      amountMinor: 125_000,
      currency: 'SEK',
      date: '2026-12-04',
      senderBankgiro: '9912346',
      receivingBankgiro: '56781234',
      line: 3,
      payer: {
        name: 'Åsa Öberg Bageri AB',
        extraName: 'c/o Ärlig',
        address: 'Storgatan 1',
        postcode: '11122',
        town: 'Göteborg',
        country: 'Sverige',
        countryCode: 'SE',
        organisationNumber: '5561234567',
      },
    });
    expect(unknown).toMatchObject({ reference: '12345678', ocr: false, referenceCode: 5, amountMinor: 49_900 });
    expect(unknown.information).toEqual(['Betalning avser faktura 77']);
    expect(over).toMatchObject({ reference: OCR_1043, ocr: true, amountMinor: 60_000 });
    expect(several.extraReferences).toEqual([
      { reference: createOcr('1044'), amountMinor: 20_000, line: 12 },
      { reference: createOcr('1045'), amountMinor: -5_000, line: 13 },
    ]);
    expect(deduction).toMatchObject({ kind: 'deduction', amountMinor: -1_000, deductionCode: 3 });
  });

  it('M13: BgMax: two deposit sections, each payment dated by its own deposit; a test file says so', () => {
    const parsed = parseBgMax(
      file(
        start('T'),
        opening(),
        payment(OCR_1042, 100, '1'),
        deposit('20261201', 100, 1),
        opening(),
        payment(OCR_1043, 200, '2'),
        payment(OCR_1043, 300, '3'),
        deposit('20261202', 500, 2),
        end(3, 0, 0, 2),
      ),
    );
    expect(parsed.test).toBe(true);
    expect(parsed.payments.map((p) => [p.amountMinor, p.date])).toEqual([
      [100, '2026-12-01'],
      [200, '2026-12-02'],
      [300, '2026-12-02'],
    ]);
  });

  // The cases of Bankgirot's published example file (agreement with OCR check of check digit and length),
  // built here from the layout: OCR references right-aligned in their field, a deduction (21) that the
  // deposit subtracts and counts as a payment, several references in one payment (code 3, separated by
  // blanks, repeated as 22 records of amount 0), a payment with its own OCR plus extra references, a paper
  // form (channel 3) with an image, a payment without a reference (code 1), and records whose trailing
  // blanks are missing.
  it("M13: BgMax: the cases of Bankgirot's example file: right-aligned OCR, deduction, several references, paper form, trimmed records", () => {
    const right = (reference: string) => reference.padStart(25, ' ');
    const ocrs = ['1042', '1043', '1044', '1045', '1046', '1047', '1048'].map((n) => createOcr(n));
    const extra = (reference: string, serial: string) =>
      record('22', [
        ['3783511', 3, 12, 'zeros'],
        [right(reference), 13, 37],
        [0, 38, 55, 'zeros'],
        [2, 56, 56],
        [2, 57, 57],
        [serial, 58, 69, 'zeros'],
        ['0', 70, 70],
      ]).trimEnd();
    const pay = (
      reference: string,
      amount: number,
      code: number,
      channel: number,
      serial: string,
      image = '0',
      tk = '20',
    ) =>
      record(tk, [
        ['3783511', 3, 12, 'zeros'],
        [reference, 13, 37],
        [amount, 38, 55, 'zeros'],
        [code, 56, 56],
        [channel, 57, 57],
        [serial, 58, 69, 'zeros'],
        [image, 70, 70],
        ...(tk === '21' ? ([['0', 71, 71]] as [string, number, number][]) : []),
      ]);
    const parsed = parseBgMax(
      file(
        start(),
        opening('9912346'),
        pay(right(ocrs[0]), 100_000, 2, 2, '10'),
        pay('89853', 50_000, 3, 2, '230000111', '0', '21'),
        pay(`${ocrs[1]} ${ocrs[2]} ${ocrs[3]}`, 140_000, 3, 2, '14'),
        extra(ocrs[1], '14'),
        extra(ocrs[2], '14'),
        extra(ocrs[3], '14'),
        record('25', [['Betalning med extra refnr', 3, 52]]).trimEnd(),
        deposit('20261204', 100_000 - 50_000 + 140_000, 3),
        opening('9912346'),
        pay('', 120_000, 1, 3, '13', '1'),
        pay(right(ocrs[4]), 500_000, 2, 2, '16'),
        extra(ocrs[5], '16'),
        extra(ocrs[6], '16'),
        deposit('20261205', 620_000, 2),
        end(4, 1, 5, 2).trimEnd(),
      ),
    );
    expect(parsed.deposits.map((d) => [d.receivingBankgiro, d.amountMinor, d.paymentCount, d.date])).toEqual([
      ['9912346', 190_000, 3, '2026-12-04'],
      ['9912346', 620_000, 2, '2026-12-05'],
    ]);
    const [first, deduction, several, paper, withExtra] = parsed.payments;
    expect(first).toMatchObject({ reference: ocrs[0], ocr: true, referenceCode: 2, channelCode: 2, image: false });
    expect(deduction).toMatchObject({ kind: 'deduction', amountMinor: -50_000, referenceCode: 3, deductionCode: 0 });
    expect(several).toMatchObject({ reference: `${ocrs[1]} ${ocrs[2]} ${ocrs[3]}`, ocr: false, referenceCode: 3 });
    expect(referencesOf(several)).toEqual([ocrs[1], ocrs[2], ocrs[3]]);
    expect(several.information).toEqual(['Betalning med extra refnr']);
    expect(paper).toMatchObject({ reference: '', ocr: false, referenceCode: 1, channelCode: 3, image: true });
    expect(referencesOf(paper)).toEqual([]);
    expect(withExtra).toMatchObject({ reference: ocrs[4], ocr: true, amountMinor: 500_000 });
    expect(referencesOf(withExtra)).toEqual([ocrs[4], ocrs[5], ocrs[6]]);
  });

  const broken: [string, () => Buffer, number, string][] = [
    ['not a BgMax file', () => file(record('01', [['OTHER', 3, 22]])), 1, 'layout'],
    [
      'an amount with letters',
      () => file(start(), opening(), payment('1', 0, '1').replace(/0{18}/, '00000000000000012X')),
      3,
      'amount',
    ],
    ['an unknown record', () => file(start(), opening(), record('99', [])), 3, 'TK'],
    ['a name before any payment', () => file(start(), opening(), record('26', [['Eva', 3, 37]])), 3, 'TK26'],
    [
      'a deposit whose amount is not its payments',
      () => file(start(), opening(), payment(OCR_1042, 100, '1'), deposit('20261201', 101, 1), end(1, 0, 0, 1)),
      4,
      'deposit amount',
    ],
    [
      'a deposit on a date that does not exist',
      () => file(start(), opening(), payment(OCR_1042, 100, '1'), deposit('20260231', 100, 1), end(1, 0, 0, 1)),
      4,
      'payment date',
    ],
    [
      'an end record that miscounts',
      () => file(start(), opening(), payment(OCR_1042, 100, '1'), deposit('20261201', 100, 1), end(2, 0, 0, 1)),
      5,
      'number of payment records',
    ],
    [
      'a file without its end',
      () => file(start(), opening(), payment(OCR_1042, 100, '1'), deposit('20261201', 100, 1)),
      4,
      'TK70',
    ],
    ['a record longer than 80 characters', () => file(start(), `${opening()}X`), 2, 'record'],
  ];
  it.each(broken)('M13: BgMax: %s is refused, naming the line and the field', (_name, make, line, field) => {
    let error: unknown;
    try {
      parseBgMax(make());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BgMaxError);
    expect(error).toMatchObject({ line, field });
  });
});
