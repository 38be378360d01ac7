import fc from 'fast-check';
import { createOcr, isValidOcr, mod10CheckDigit } from './ocr';

/** A base (an invoice number) that leaves room for the length and check digits: 1–23 digits. */
const base = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 23 });
const options = fc.constantFrom({ lengthDigit: true }, { lengthDigit: false });

describe('M13: OCR references (Bankgirot: mod-10 check digit, length digit)', () => {
  it("M13: OCR: worked examples (Luhn's classic value; 12345 with length digit 7 and check digit 4)", () => {
    expect(mod10CheckDigit('7992739871')).toBe(3); // the classic Luhn example
    // 12345, its length digit (7 digits → 7), and the check digit of 123457: 4.
    expect(createOcr('12345')).toBe('1234574');
    expect(isValidOcr('1234574')).toBe(true);
    expect(isValidOcr('1234 574')).toBe(true);
    expect(createOcr('12345', { lengthDigit: false })).toBe('123455');
    expect(isValidOcr('123455', { lengthDigit: false })).toBe(true);
    expect(isValidOcr('123455')).toBe(false); // no length digit where one is required
    expect(isValidOcr('12a4576')).toBe(false);
    expect(() => createOcr('1'.repeat(24))).toThrow(/2–25/);
  });

  it('M13: OCR: every generated reference is valid, 2–25 digits, and ends with the base, length and check digits', () => {
    fc.assert(
      fc.property(base, options, (b, opts) => {
        const ocr = createOcr(b, opts);
        expect(isValidOcr(ocr, opts)).toBe(true);
        expect(ocr.startsWith(b)).toBe(true);
        expect(ocr.length).toBe(b.length + (opts.lengthDigit ? 2 : 1));
        if (opts.lengthDigit) expect(Number(ocr[ocr.length - 2])).toBe(ocr.length % 10);
      }),
      { numRuns: 2000 },
    );
  });

  it('M13: OCR: any single changed digit is detected', () => {
    fc.assert(
      fc.property(base, options, fc.nat(), fc.integer({ min: 1, max: 9 }), (b, opts, at, delta) => {
        const ocr = createOcr(b, opts);
        const i = at % ocr.length;
        const changed = ocr.slice(0, i) + ((Number(ocr[i]) + delta) % 10) + ocr.slice(i + 1);
        expect(changed).not.toBe(ocr);
        expect(isValidOcr(changed, opts)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('M13: OCR: a swap of two different neighbouring digits is detected (but 0↔9, which mod 10 cannot see)', () => {
    fc.assert(
      fc.property(base, options, fc.nat(), (b, opts, at) => {
        const ocr = createOcr(b, opts);
        const i = at % (ocr.length - 1);
        const [x, y] = [ocr[i], ocr[i + 1]];
        fc.pre(x !== y && !(new Set([x, y]).has('0') && new Set([x, y]).has('9')));
        const swapped = ocr.slice(0, i) + y + x + ocr.slice(i + 2);
        expect(isValidOcr(swapped, opts)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('M13: OCR: a wrong length is detected by the length digit even when the check digit holds', () => {
    fc.assert(
      fc.property(base, fc.constantFrom(...'0123456789'), (b, extra) => {
        const ocr = createOcr(b);
        // One digit more in front, check digit recomputed: only the length digit can tell.
        const longer = `${extra}${ocr.slice(0, -1)}`;
        const forged = `${longer}${mod10CheckDigit(longer)}`;
        fc.pre(forged.length <= 25);
        expect(isValidOcr(forged)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
