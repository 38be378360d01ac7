// VAT by buyer (issue 19): the ONE function that decides an order's VAT rate and why. Checkout,
// renewals and staff orders call it through createOrder; the rate and the reason are stored on the
// order and copied onto its invoice. The rules are documented in docs/invoices.md.
import { registerEnumType } from 'type-graphql';
import { badInput } from '../../graphql/errors';
import { checkVatNumber } from '../tenants/business-identifiers';

export enum BuyerType {
  COMPANY = 'COMPANY',
  PRIVATE = 'PRIVATE',
}
registerEnumType(BuyerType, { name: 'BuyerType', description: 'A business (B2B) or a private person (B2C).' });

/** Why an order has the VAT rate it has. */
export enum VatReason {
  /** The buyer is in the agency's own country: its domestic rate (Sweden: 25 %). */
  DOMESTIC = 'DOMESTIC',
  /** A business in another EU country with a valid VAT number: 0 %, the buyer accounts for the VAT. */
  REVERSE_CHARGE = 'REVERSE_CHARGE',
  /** Outside the EU: no Swedish VAT (the service is supplied where the buyer is). */
  OUTSIDE_EU = 'OUTSIDE_EU',
  /** A private person (or a business without a valid VAT number) in another EU country, agency setting SWEDISH. */
  EU_PRIVATE_SWEDISH = 'EU_PRIVATE_SWEDISH',
  /** The same, agency setting DESTINATION (OSS): the buyer's country's standard rate. */
  EU_PRIVATE_DESTINATION = 'EU_PRIVATE_DESTINATION',
}
registerEnumType(VatReason, { name: 'VatReason' });

/** What an agency charges private buyers in other EU countries (issue 19; docs/invoices.md). */
export enum EuPrivateVat {
  /** Swedish VAT: sales to other EU consumers under the EU-wide 10 000 EUR threshold. */
  SWEDISH = 'SWEDISH',
  /** The buyer's country's rate, declared through the One-Stop Shop (OSS). */
  DESTINATION = 'DESTINATION',
}
registerEnumType(EuPrivateVat, { name: 'EuPrivateVat' });

/**
 * Standard VAT rates of the EU member states in basis points (as of 2026; from the European
 * Commission's "VAT rates applied in the Member States"). Keys are ISO 3166-1 country codes; a VAT
 * number from Greece starts EL, which `vatCountryOf` maps.
 */
export const EU_STANDARD_RATES: Readonly<Record<string, number>> = {
  AT: 2000,
  BE: 2100,
  BG: 2000,
  CY: 1900,
  CZ: 2100,
  DE: 1900,
  DK: 2500,
  EE: 2400,
  ES: 2100,
  FI: 2550,
  FR: 2000,
  GR: 2400,
  HR: 2500,
  HU: 2700,
  IE: 2300,
  IT: 2200,
  LT: 2100,
  LU: 1700,
  LV: 2100,
  MT: 1800,
  NL: 2100,
  PL: 2300,
  PT: 2300,
  RO: 2100,
  SE: 2500,
  SI: 2200,
  SK: 2300,
};

export const isEuCountry = (country: string) => country.toUpperCase() in EU_STANDARD_RATES;

/** The ISO country a VAT number belongs to (EL is Greece). */
export const vatCountryOf = (vatNumber: string) => {
  const prefix = vatNumber.slice(0, 2).toUpperCase();
  return prefix === 'EL' ? 'GR' : prefix;
};

export interface VatBuyer {
  type: BuyerType;
  /** ISO 3166-1 alpha-2. */
  country: string;
  vatNumber?: string | null;
}

export interface VatSeller {
  /** The agency's country (ISO 3166-1 alpha-2). */
  country: string;
  /** Its domestic rate in basis points (Sweden: 2500). */
  rateBasisPoints: number;
  euPrivateVat: EuPrivateVat;
}

export interface VatDecision {
  rateBasisPoints: number;
  reason: VatReason;
}

/**
 * A VAT number that counts for reverse charge: format and check digit right (jsvat), and of the
 * buyer's country. (The optional live VIES check runs before this, at checkout: vies.ts.)
 */
export function validBuyerVatNumber(buyer: VatBuyer): string | null {
  if (!buyer.vatNumber) return null;
  const checked = checkVatNumber(buyer.vatNumber);
  if (!checked.ok) return null;
  return vatCountryOf(checked.value) === buyer.country.toUpperCase() ? checked.value : null;
}

/** The rate and the reason for a buyer (the ONE place these rules are written). */
export function decideVat(seller: VatSeller, buyer: VatBuyer): VatDecision {
  const country = buyer.country.toUpperCase();
  if (country === seller.country.toUpperCase())
    return { rateBasisPoints: seller.rateBasisPoints, reason: VatReason.DOMESTIC };
  if (!isEuCountry(country)) return { rateBasisPoints: 0, reason: VatReason.OUTSIDE_EU };
  if (buyer.type === BuyerType.COMPANY && validBuyerVatNumber(buyer))
    return { rateBasisPoints: 0, reason: VatReason.REVERSE_CHARGE };
  // A private person, or a business without a valid VAT number (treated as a consumer).
  if (seller.euPrivateVat === EuPrivateVat.DESTINATION)
    return { rateBasisPoints: EU_STANDARD_RATES[country], reason: VatReason.EU_PRIVATE_DESTINATION };
  return { rateBasisPoints: seller.rateBasisPoints, reason: VatReason.EU_PRIVATE_SWEDISH };
}

/** VAT of an amount in minor units, rounded half away from zero (so a credit note mirrors its invoice). */
export const vatOf = (amountMinor: number, rateBasisPoints: number) =>
  Math.sign(amountMinor) * Math.round((Math.abs(amountMinor) * rateBasisPoints) / 10_000);

/** A VAT number as typed by a person, checked (format and check digit) and stored compact; throws BAD_USER_INPUT on `field`. */
export function normaliseVatNumber(value: string | null | undefined, field: string): string | null {
  if (!value?.trim()) return null;
  const checked = checkVatNumber(value);
  if (!checked.ok) throw badInput(field, `${field} ${checked.message}`);
  return checked.value;
}
