// BgMax files for tests, built from Bankgirot's layout (80-character records, ISO-8859-1; positions
// 1-based and inclusive, as server/src/modules/payments/bgmax.ts lists them): one deposit section per
// call of `deposit`, payments (20) with their reference right-aligned as Bankgirot writes an OCR reference.

type Field = [string | number, number, number, ('left' | 'right' | 'zeros')?];

function record(tk: string, fields: Field[]): string {
  const chars = `${tk}${' '.repeat(78)}`.split('');
  for (const [value, from, to, align = 'left'] of fields) {
    const width = to - from + 1;
    const text = String(value);
    if (text.length > width) throw new Error(`fixture: ${text} is wider than ${width}`);
    const padded =
      align === 'zeros' ? text.padStart(width, '0') : align === 'right' ? text.padStart(width) : text.padEnd(width);
    chars.splice(from - 1, width, ...padded.split(''));
  }
  return chars.join('');
}

export interface BgMaxTestPayment {
  reference: string;
  amountMinor: number;
  /** Bankgirot's reference code: 2 a checked OCR reference (the default), 1 none, 4 unchecked, 5 wrong. */
  referenceCode?: number;
  payerName?: string;
}

/** A whole file: `bankgiro` receives every deposit (date YYYYMMDD with its payments). */
export function bgmaxFile(
  bankgiro: string,
  deposits: Array<{ date: string; payments: BgMaxTestPayment[] }>,
  { test = false, createdAt = '20261207013000123456' } = {},
): Buffer {
  const lines = [
    record('01', [
      ['BGMAX', 3, 22],
      ['01', 23, 24],
      [createdAt, 25, 44],
      [test ? 'T' : 'P', 45, 45],
    ]),
  ];
  let serial = 1;
  let payments = 0;
  deposits.forEach((d, i) => {
    lines.push(
      record('05', [
        [bankgiro.replace(/\D/g, ''), 3, 12, 'zeros'],
        ['SEK', 23, 25],
      ]),
    );
    for (const p of d.payments) {
      lines.push(
        record('20', [
          ['3783511', 3, 12, 'zeros'],
          [p.reference, 13, 37, 'right'],
          [p.amountMinor, 38, 55, 'zeros'],
          [p.referenceCode ?? 2, 56, 56],
          [1, 57, 57],
          [serial++, 58, 69, 'zeros'],
          ['0', 70, 70],
        ]),
      );
      if (p.payerName) lines.push(record('26', [[p.payerName, 3, 37]]));
      payments++;
    }
    lines.push(
      record('15', [
        ['5841000001009823', 3, 37, 'zeros'],
        [d.date, 38, 45],
        [i + 1, 46, 50, 'zeros'],
        [d.payments.reduce((n, p) => n + p.amountMinor, 0), 51, 68, 'zeros'],
        ['SEK', 69, 71],
        [d.payments.length, 72, 79, 'zeros'],
      ]),
    );
  });
  lines.push(
    record('70', [
      [payments, 3, 10, 'zeros'],
      [0, 11, 18, 'zeros'],
      [0, 19, 26, 'zeros'],
      [deposits.length, 27, 34, 'zeros'],
    ]),
  );
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}
