// Bankgirot's BgMax file of incoming payments to the agency's bankgiro (issue 19), parsed as a pure
// function: `parseBgMax(buffer)` gives each payment (its OCR or other references, its amount in öre,
// the deposit's payment date, the payer), for the import that matches them against invoices. The
// layout is Bankgirot's BgMax format description ("Bankgiro Inbetalningar, BgMax": fixed-width records
// of 80 characters in ISO-8859-1, blanks at the end of a record may be missing), each starting with its
// transaction code (TK). Positions are 1-based and inclusive:
//   01 start: layout name BGMAX 3-22, version 23-24, timestamp 25-44 (YYYYMMDDHHMMSS + microseconds),
//      test mark 45 (T test, P production).
//   05 opening of a deposit section: receiving bankgiro 3-12, receiving plusgiro 13-22, currency 23-25.
//   20 payment / 21 deduction: sender bankgiro 3-12, reference 13-37 (an OCR reference is right-aligned),
//      amount in öre 38-55, reference code 56, payment channel code 57, BGC serial number 58-69, image
//      mark 70 (1: Bankgirot has an image of the paper form); 21 only: deduction code 71.
//   22 extra reference / 23 extra reference with a negative amount: the same fields as 20 (3-70).
//   25 information text 3-52. 26 payer's name 3-37, extra name 38-72. 27 address 3-37, postcode
//      38-46. 28 town 3-37, country 38-72, country code 73-74. 29 organisation number 3-14.
//   15 deposit (closes the section): receiving bank account 3-37, payment date 38-45, deposit serial
//      number 46-50, deposit amount in öre 51-68 (payments less deductions), currency 69-71, number of
//      payments 72-79 (records 20 and 21), deposit type 80.
//   70 end: number of payment records (20) 3-10, deduction records (21) 11-18, extra reference records
//      (22, 23) 19-26, deposit records (15) 27-34.
// Reference codes: 0 and 1 no reference, 2 an OCR reference Bankgirot checked (check digit and, under
// that agreement, length digit), 3 several references (in the reference field separated by blanks, and
// as records 22/23), 4 one reference Bankgirot did not check, 5 a reference that failed the check.
// Payment channel codes: 1 electronic payment from a bank, 2 electronic payment through Bankgirot's
// supplier payments (Leverantörsbetalningar), 3 paper form (an image may exist), 4 Autogiro.
// The fields, codes, sums and counts were checked against Bankgirot's published example file for an
// agreement with OCR check of check digit and length (docs/invoices.md); the fixtures in bgmax.test.ts
// are built from this layout.
// Anything that does not fit throws a BgMaxError naming the line (1-based) and the field.
import { isValidOcr, normalizeOcr } from './ocr';

export class BgMaxError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    message: string,
  ) {
    super(`BgMax line ${line} (${field}): ${message}`);
    this.name = 'BgMaxError';
  }
}

export interface BgMaxPayer {
  name: string | null;
  extraName: string | null;
  address: string | null;
  postcode: string | null;
  town: string | null;
  country: string | null;
  countryCode: string | null;
  organisationNumber: string | null;
}

export interface BgMaxExtraReference {
  reference: string;
  /** Öre; negative for a TK23. */
  amountMinor: number;
  line: number;
}

export interface BgMaxPayment {
  /** TK20 a payment; TK21 a deduction (its amount is negative). */
  kind: 'payment' | 'deduction';
  /** The bankgiro the money was sent to (the section's TK05). */
  receivingBankgiro: string;
  /** The payer's bankgiro, when Bankgirot knows it. */
  senderBankgiro: string | null;
  /**
   * The reference as given: one reference without its blanks ('' without one); several references
   * (code 3) as written, separated by one blank.
   */
  reference: string;
  /** The reference is one valid OCR reference (check digit and length digit). */
  ocr: boolean;
  /** Bankgirot's reference code: 0/1 none, 2 OCR checked, 3 several (TK22/23), 4 one reference, 5 wrong. */
  referenceCode: number;
  /** Bankgirot has an image of the payment's paper form (image mark, position 70). */
  image: boolean;
  /** Öre; negative for a deduction. */
  amountMinor: number;
  currency: string;
  /** The payment date of its deposit (TK15), YYYY-MM-DD. */
  date: string;
  /** Bankgirot's serial number of the payment. */
  serialNumber: string;
  /** 1 electronic from a bank, 2 electronic through Leverantörsbetalningar, 3 paper form, 4 Autogiro. */
  channelCode: number;
  /** TK21: Bankgirot's deduction code. */
  deductionCode: number | null;
  extraReferences: BgMaxExtraReference[];
  information: string[];
  payer: BgMaxPayer;
  /** The file line of its TK20/TK21. */
  line: number;
}

export interface BgMaxDeposit {
  receivingBankgiro: string;
  /** The section's receiving plusgiro (TK05), when given. */
  receivingPlusgiro: string | null;
  /** The bank account the deposit was made to (TK15, as written). */
  bankAccount: string;
  currency: string;
  date: string;
  amountMinor: number;
  serialNumber: string;
  paymentCount: number;
  line: number;
}

export interface BgMaxFile {
  version: string;
  /** Bankgirot's timestamp of the file, as written (YYYYMMDDHHMMSS and microseconds). */
  createdAt: string;
  test: boolean;
  deposits: BgMaxDeposit[];
  payments: BgMaxPayment[];
}

const emptyPayer = (): BgMaxPayer => ({
  name: null,
  extraName: null,
  address: null,
  postcode: null,
  town: null,
  country: null,
  countryCode: null,
  organisationNumber: null,
});

/** One record and the line it is on; fields by Bankgirot's 1-based positions. */
class Record {
  constructor(
    readonly text: string,
    readonly line: number,
  ) {}

  get tk(): string {
    return this.text.slice(0, 2);
  }

  /** Characters from..to (1-based, inclusive), trimmed. */
  text_(from: number, to: number): string {
    return this.text.slice(from - 1, to).trim();
  }

  optional(from: number, to: number): string | null {
    return this.text_(from, to) || null;
  }

  digits(from: number, to: number, field: string): string {
    const value = this.text.slice(from - 1, to);
    if (!/^\d+$/.test(value))
      throw new BgMaxError(this.line, field, `expected ${to - from + 1} digits, found "${value}"`);
    return value;
  }

  number(from: number, to: number, field: string): number {
    const value = Number(this.digits(from, to, field));
    if (!Number.isSafeInteger(value)) throw new BgMaxError(this.line, field, 'the number is too large');
    return value;
  }

  /** A bankgiro number without its leading zeros (null when all zeros). */
  bankgiro(from: number, to: number, field: string): string | null {
    const value = this.digits(from, to, field).replace(/^0+/, '');
    return value || null;
  }

  date(from: number, field: string): string {
    const value = this.digits(from, from + 7, field);
    const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
      throw new BgMaxError(this.line, field, `not a date: ${value}`);
    return iso;
  }
}

/** Parses a BgMax file (ISO-8859-1 bytes). */
export function parseBgMax(buffer: Buffer | Uint8Array): BgMaxFile {
  const lines = Buffer.from(buffer).toString('latin1').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) throw new BgMaxError(1, 'TK01', 'the file is empty');
  const records = lines.map((text, i) => new Record(text, i + 1));
  for (const r of records) {
    if (r.text.length > 80)
      throw new BgMaxError(r.line, 'record', `a record has at most 80 characters, not ${r.text.length}`);
  }

  const start = records[0];
  if (start.tk !== '01') throw new BgMaxError(1, 'TK01', 'a BgMax file starts with a start record (01)');
  if (start.text_(3, 22) !== 'BGMAX') throw new BgMaxError(1, 'layout', 'the layout name is not BGMAX');
  const file: BgMaxFile = {
    version: start.digits(23, 24, 'version'),
    createdAt: start.digits(25, 44, 'timestamp'),
    test: start.text_(45, 45) === 'T',
    deposits: [],
    payments: [],
  };
  if (!['T', 'P'].includes(start.text_(45, 45))) throw new BgMaxError(1, 'test mark', 'expected T (test) or P');

  let section: { bankgiro: string; plusgiro: string | null; currency: string; payments: BgMaxPayment[] } | null = null;
  let last: BgMaxPayment | null = null;
  const counts = { payments: 0, deductions: 0, extraReferences: 0, deposits: 0 };
  let ended = false;

  const current = (r: Record, what: string): BgMaxPayment => {
    if (!last) throw new BgMaxError(r.line, `TK${r.tk}`, `${what} without a payment (20 or 21) before it`);
    return last;
  };

  for (const r of records.slice(1)) {
    if (ended) throw new BgMaxError(r.line, `TK${r.tk}`, 'nothing may follow the end record (70)');
    switch (r.tk) {
      case '05': {
        if (section) throw new BgMaxError(r.line, 'TK05', 'a new section before the deposit (15) of the last one');
        const bankgiro = r.bankgiro(3, 12, 'receiving bankgiro');
        if (!bankgiro) throw new BgMaxError(r.line, 'receiving bankgiro', 'missing');
        const currency = r.text_(23, 25);
        if (!/^[A-Z]{3}$/.test(currency)) throw new BgMaxError(r.line, 'currency', `not a currency: "${currency}"`);
        const plusgiro = r.text_(13, 22).replace(/^0+/, '') || null;
        section = { bankgiro, plusgiro, currency, payments: [] };
        last = null;
        break;
      }
      case '20':
      case '21': {
        if (!section) throw new BgMaxError(r.line, `TK${r.tk}`, 'a payment outside a section (05 … 15)');
        const deduction = r.tk === '21';
        const amount = r.number(38, 55, 'amount');
        const referenceCode = r.number(56, 56, 'reference code');
        const written = r.text_(13, 37);
        // Several references (code 3) stay apart; one reference loses the blanks a person typed into it.
        const several = referenceCode === 3;
        const reference = several ? written.split(/\s+/).join(' ') : normalizeOcr(written);
        last = {
          kind: deduction ? 'deduction' : 'payment',
          receivingBankgiro: section.bankgiro,
          senderBankgiro: r.bankgiro(3, 12, 'sender bankgiro'),
          reference,
          ocr: !several && reference !== '' && isValidOcr(reference),
          referenceCode,
          image: r.text_(70, 70) === '1',
          amountMinor: deduction ? -amount : amount,
          currency: section.currency,
          date: '', // set by the section's deposit record
          serialNumber: r.digits(58, 69, 'serial number'),
          channelCode: r.number(57, 57, 'payment channel code'),
          deductionCode: deduction ? r.number(71, 71, 'deduction code') : null,
          extraReferences: [],
          information: [],
          payer: emptyPayer(),
          line: r.line,
        };
        section.payments.push(last);
        if (deduction) counts.deductions++;
        else counts.payments++;
        break;
      }
      case '22':
      case '23': {
        const payment = current(r, 'an extra reference');
        const amount = r.number(38, 55, 'amount');
        payment.extraReferences.push({
          reference: normalizeOcr(r.text_(13, 37)),
          amountMinor: r.tk === '23' ? -amount : amount,
          line: r.line,
        });
        counts.extraReferences++;
        break;
      }
      case '25':
        current(r, 'information').information.push(r.text_(3, 52));
        break;
      case '26': {
        const payer = current(r, 'a name').payer;
        payer.name = r.optional(3, 37);
        payer.extraName = r.optional(38, 72);
        break;
      }
      case '27': {
        const payer = current(r, 'an address').payer;
        payer.address = r.optional(3, 37);
        payer.postcode = r.optional(38, 46);
        break;
      }
      case '28': {
        const payer = current(r, 'an address').payer;
        payer.town = r.optional(3, 37);
        payer.country = r.optional(38, 72);
        payer.countryCode = r.optional(73, 74);
        break;
      }
      case '29':
        current(r, 'an organisation number').payer.organisationNumber = r
          .digits(3, 14, 'organisation number')
          .replace(/^0+(?=\d{10}$)/, '');
        break;
      case '15': {
        if (!section) throw new BgMaxError(r.line, 'TK15', 'a deposit without its opening record (05)');
        const deposit: BgMaxDeposit = {
          receivingBankgiro: section.bankgiro,
          receivingPlusgiro: section.plusgiro,
          bankAccount: r.text_(3, 37),
          currency: r.text_(69, 71),
          date: r.date(38, 'payment date'),
          serialNumber: r.digits(46, 50, 'deposit serial number'),
          amountMinor: r.number(51, 68, 'deposit amount'),
          paymentCount: r.number(72, 79, 'number of payments'),
          line: r.line,
        };
        if (deposit.currency !== section.currency)
          throw new BgMaxError(
            r.line,
            'currency',
            `the deposit is in ${deposit.currency}, its section in ${section.currency}`,
          );
        if (deposit.paymentCount !== section.payments.length)
          throw new BgMaxError(
            r.line,
            'number of payments',
            `the deposit counts ${deposit.paymentCount} payments, its section has ${section.payments.length}`,
          );
        const sum = section.payments.reduce((n, p) => n + p.amountMinor, 0);
        if (deposit.amountMinor !== sum)
          throw new BgMaxError(
            r.line,
            'deposit amount',
            `the deposit is ${deposit.amountMinor} öre, its payments sum to ${sum}`,
          );
        for (const p of section.payments) p.date = deposit.date;
        file.payments.push(...section.payments);
        file.deposits.push(deposit);
        counts.deposits++;
        section = null;
        last = null;
        break;
      }
      case '70': {
        if (section) throw new BgMaxError(r.line, 'TK70', 'the file ends inside a section (no deposit record 15)');
        const expected: [keyof typeof counts, number, number, string][] = [
          ['payments', 3, 10, 'number of payment records'],
          ['deductions', 11, 18, 'number of deduction records'],
          ['extraReferences', 19, 26, 'number of extra reference records'],
          ['deposits', 27, 34, 'number of deposit records'],
        ];
        for (const [key, from, to, field] of expected) {
          const said = r.number(from, to, field);
          if (said !== counts[key])
            throw new BgMaxError(r.line, field, `the end record says ${said}, the file has ${counts[key]}`);
        }
        ended = true;
        break;
      }
      default:
        throw new BgMaxError(r.line, 'TK', `unknown transaction code "${r.tk}"`);
    }
  }
  if (!ended) throw new BgMaxError(records.length, 'TK70', 'the file has no end record (70)');
  return file;
}

/**
 * Every reference a payment names: its own (each of several) and those of its extra reference records
 * (22; a 23 is a negative amount, e.g. a credit the payer deducted), in file order, without repeats.
 */
export function referencesOf(payment: BgMaxPayment): string[] {
  const extra = payment.extraReferences.filter((r) => r.amountMinor >= 0).map((r) => r.reference);
  const all = [...payment.reference.split(' '), ...extra];
  return [...new Set(all.filter((r) => r !== ''))];
}
