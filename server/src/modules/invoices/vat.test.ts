// Issue 19: VAT by buyer (the rule table) and the VAT-number check (fast-check over valid and corrupted numbers).
import fc from 'fast-check';
import {
  BuyerType,
  decideVat,
  EU_STANDARD_RATES,
  EuPrivateVat,
  normaliseVatNumber,
  validBuyerVatNumber,
  VatReason,
  vatOf,
} from './vat';

const SWEDISH = { country: 'SE', rateBasisPoints: 2500, euPrivateVat: EuPrivateVat.SWEDISH };
const OSS = { ...SWEDISH, euPrivateVat: EuPrivateVat.DESTINATION };

/** Real, valid EU VAT numbers whose check digits catch every single-digit substitution (verified below). */
const VALID = [
  'DE136695976',
  'DK13585628',
  'BE0411905847',
  'ATU13585627',
  'SE556036079301',
  'IT00743110157',
  'ESA28015865',
  'PL5260001246',
  'FR40303265045',
  'IE6388047V',
  'EL094014201',
  'PT501964843',
];
const countryOf = (vat: string) => (vat.startsWith('EL') ? 'GR' : vat.slice(0, 2));

/** A Swedish VAT number: SE + an organisation number (nine digits and a Luhn check digit) + 01. */
function swedishVat(nine: number[]): string {
  const digits = [...nine];
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = digits[i] * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  digits.push((10 - (sum % 10)) % 10);
  return `SE${digits.join('')}01`;
}

describe('M13: VAT by buyer', () => {
  it.each([
    [
      'a Swedish company',
      { type: BuyerType.COMPANY, country: 'SE', vatNumber: 'SE556036079301' },
      SWEDISH,
      2500,
      VatReason.DOMESTIC,
    ],
    ['a Swedish private person', { type: BuyerType.PRIVATE, country: 'SE' }, OSS, 2500, VatReason.DOMESTIC],
    [
      'a German company with a valid VAT number',
      { type: BuyerType.COMPANY, country: 'DE', vatNumber: 'DE136695976' },
      SWEDISH,
      0,
      VatReason.REVERSE_CHARGE,
    ],
    [
      'a Greek company (EL prefix)',
      { type: BuyerType.COMPANY, country: 'GR', vatNumber: 'EL094014201' },
      SWEDISH,
      0,
      VatReason.REVERSE_CHARGE,
    ],
    [
      'a German company without a VAT number (as a consumer)',
      { type: BuyerType.COMPANY, country: 'DE' },
      SWEDISH,
      2500,
      VatReason.EU_PRIVATE_SWEDISH,
    ],
    [
      'a German company with a wrong check digit',
      { type: BuyerType.COMPANY, country: 'DE', vatNumber: 'DE136695977' },
      OSS,
      1900,
      VatReason.EU_PRIVATE_DESTINATION,
    ],
    [
      'a company whose VAT number is of another country',
      { type: BuyerType.COMPANY, country: 'FR', vatNumber: 'DE136695976' },
      SWEDISH,
      2500,
      VatReason.EU_PRIVATE_SWEDISH,
    ],
    [
      'a German private person, Swedish VAT',
      { type: BuyerType.PRIVATE, country: 'DE' },
      SWEDISH,
      2500,
      VatReason.EU_PRIVATE_SWEDISH,
    ],
    [
      'a German private person, OSS',
      { type: BuyerType.PRIVATE, country: 'DE' },
      OSS,
      1900,
      VatReason.EU_PRIVATE_DESTINATION,
    ],
    [
      'a Finnish private person, OSS',
      { type: BuyerType.PRIVATE, country: 'FI' },
      OSS,
      2550,
      VatReason.EU_PRIVATE_DESTINATION,
    ],
    [
      'a private person who gives a VAT number (still a consumer)',
      { type: BuyerType.PRIVATE, country: 'DE', vatNumber: 'DE136695976' },
      OSS,
      1900,
      VatReason.EU_PRIVATE_DESTINATION,
    ],
    [
      'a British company',
      { type: BuyerType.COMPANY, country: 'GB', vatNumber: 'GB123456789' },
      SWEDISH,
      0,
      VatReason.OUTSIDE_EU,
    ],
    ['a Norwegian private person', { type: BuyerType.PRIVATE, country: 'NO' }, OSS, 0, VatReason.OUTSIDE_EU],
    ['a US company (lower-case country)', { type: BuyerType.COMPANY, country: 'us' }, SWEDISH, 0, VatReason.OUTSIDE_EU],
  ])('M13: %s', (_name, buyer, seller, rate, reason) => {
    expect(decideVat(seller, buyer)).toEqual({ rateBasisPoints: rate, reason });
  });

  it('M13: the table of standard rates covers the 27 member states, each between 15 % and 27 %', () => {
    expect(Object.keys(EU_STANDARD_RATES)).toHaveLength(27);
    for (const rate of Object.values(EU_STANDARD_RATES)) {
      expect(rate).toBeGreaterThanOrEqual(1500);
      expect(rate).toBeLessThanOrEqual(2700);
    }
  });

  it('M13: property: a domestic buyer always pays the agency rate, a non-EU buyer never pays VAT', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(BuyerType.COMPANY, BuyerType.PRIVATE),
        fc.constantFrom(EuPrivateVat.SWEDISH, EuPrivateVat.DESTINATION),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('US', 'GB', 'NO', 'CH', 'JP', 'AU'),
        fc.option(fc.constantFrom(...VALID)),
        (type, euPrivateVat, rateBasisPoints, abroad, vatNumber) => {
          const seller = { country: 'SE', rateBasisPoints, euPrivateVat };
          expect(decideVat(seller, { type, country: 'SE', vatNumber })).toEqual({
            rateBasisPoints,
            reason: VatReason.DOMESTIC,
          });
          expect(decideVat(seller, { type, country: abroad, vatNumber })).toEqual({
            rateBasisPoints: 0,
            reason: VatReason.OUTSIDE_EU,
          });
        },
      ),
    );
  });

  it('M13: vatOf rounds half away from zero, so a credit note mirrors its invoice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 2700 }), (amount, rate) => {
        expect(vatOf(-amount, rate)).toBe(-vatOf(amount, rate));
      }),
    );
    expect(vatOf(2, 2500)).toBe(1); // 0.5 rounds up
  });
});

describe('M13: VAT numbers (format and check digit, jsvat)', () => {
  it('M13: the known numbers are valid and give reverse charge to a company of their country', () => {
    for (const vat of VALID) {
      expect(validBuyerVatNumber({ type: BuyerType.COMPANY, country: countryOf(vat), vatNumber: vat })).toBe(vat);
      expect(decideVat(SWEDISH, { type: BuyerType.COMPANY, country: countryOf(vat), vatNumber: vat }).reason).toBe(
        countryOf(vat) === 'SE' ? VatReason.DOMESTIC : VatReason.REVERSE_CHARGE,
      );
    }
  });

  it('M13: property: any generated Swedish VAT number (Luhn) is valid; written with spaces and dashes it normalises', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (nine) => {
        const vat = swedishVat(nine);
        expect(normaliseVatNumber(vat, 'vatNumber')).toBe(vat);
        const spaced = `${vat.slice(0, 2).toLowerCase()} ${vat.slice(2, 8)}-${vat.slice(8)}`;
        expect(normaliseVatNumber(spaced, 'vatNumber')).toBe(vat);
      }),
    );
  });

  it('M13: property: one digit changed (a typo) is refused, with the field named', () => {
    const numbers = fc.oneof(
      fc.constantFrom(...VALID),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map(swedishVat),
    );
    fc.assert(
      fc.property(numbers, fc.nat(), fc.integer({ min: 1, max: 9 }), (vat, at, shift) => {
        const positions = [...vat]
          .map((ch, i) => ({ ch, i }))
          .filter(({ ch, i }) => i >= 2 && /\d/.test(ch) && !(vat.startsWith('SE') && i >= 12)); // SE's "01" is no check
        const { ch, i } = positions[at % positions.length];
        const corrupted = vat.slice(0, i) + String((Number(ch) + shift) % 10) + vat.slice(i + 1);
        expect(
          validBuyerVatNumber({ type: BuyerType.COMPANY, country: countryOf(vat), vatNumber: corrupted }),
        ).toBeNull();
        expect(() => normaliseVatNumber(corrupted, 'buyer.vatNumber')).toThrow(
          expect.objectContaining({
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'buyer.vatNumber' }),
          }),
        );
      }),
    );
  });

  it('M13: property: arbitrary text is never accepted as a VAT number of the buyer country', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const result = validBuyerVatNumber({ type: BuyerType.COMPANY, country: 'DE', vatNumber: text });
        if (result !== null) expect(result.startsWith('DE')).toBe(true);
      }),
    );
  });
});
