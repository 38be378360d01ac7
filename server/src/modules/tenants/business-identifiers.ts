// The agency's business identifiers, checked and normalised before they are stored (and later printed
// on invoices): Swedish organisation numbers, EU VAT numbers, bankgiro and plusgiro (mod 10 / Luhn),
// IBAN and BIC. Libraries where one is kept: jsvat (per-country VAT format and check digits) and
// validator (Luhn; IBAN per-country format and mod 97; BIC), which class-validator already brings.
import { checkVAT, countries as vatCountries } from 'jsvat';
import isBIC from 'validator/lib/isBIC';
import isIBAN from 'validator/lib/isIBAN';
import isLuhnNumber from 'validator/lib/isLuhnNumber';

export type Checked = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): Checked => ({ ok: true, value });
const bad = (message: string): Checked => ({ ok: false, message });
const digitsOf = (value: string) => value.replace(/[\s-]/g, '');

/**
 * Sweden: ten digits (`NNNNNN-NNNN`, a twelve-digit `16NNNNNNNNNN` is accepted) whose last is the
 * Luhn check digit of the nine before it. Other countries: free text, as their registries differ.
 */
export function checkOrganisationNumber(value: string, country: string): Checked {
  const text = value.trim();
  if (!text || text.length > 40) return bad('must be 1 to 40 characters');
  if (country.toUpperCase() !== 'SE') return ok(text);
  let digits = digitsOf(text);
  if (/^16\d{10}$/.test(digits)) digits = digits.slice(2);
  if (!/^\d{10}$/.test(digits)) return bad('must be a Swedish organisation number: ten digits, e.g. 556036-0793');
  if (!isLuhnNumber(digits)) return bad('has a wrong check digit (the last digit)');
  return ok(`${digits.slice(0, 6)}-${digits.slice(6)}`);
}

/** EU VAT numbers: the country prefix, then that country's format and check digits (jsvat). */
export function checkVatNumber(value: string): Checked {
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(compact))
    return bad('must start with the two-letter country code, e.g. SE556036079301');
  const result = checkVAT(compact, vatCountries);
  if (!result.isSupportedCountry) return bad(`has no EU VAT country prefix (${compact.slice(0, 2)})`);
  if (!result.isValidFormat) return bad(`does not have the format of a ${result.country?.name ?? ''} VAT number`);
  if (!result.isValid) return bad('has a wrong check digit');
  return ok(compact);
}

/** Bankgiro: seven or eight digits (`NNN-NNNN`, `NNNN-NNNN`), the last a mod 10 (Luhn) check digit. */
export function checkBankgiro(value: string): Checked {
  const digits = digitsOf(value);
  if (!/^\d{7,8}$/.test(digits)) return bad('must be a bankgiro number: seven or eight digits, e.g. 5050-1055');
  if (!isLuhnNumber(digits)) return bad('has a wrong check digit (the last digit)');
  return ok(`${digits.slice(0, -4)}-${digits.slice(-4)}`);
}

/** Plusgiro: two to eight digits (`NNNNNN-N`), the last a mod 10 (Luhn) check digit. */
export function checkPlusgiro(value: string): Checked {
  const digits = digitsOf(value);
  if (!/^\d{2,8}$/.test(digits)) return bad('must be a plusgiro number: two to eight digits, e.g. 4 18 38-9');
  if (!isLuhnNumber(digits)) return bad('has a wrong check digit (the last digit)');
  return ok(`${digits.slice(0, -1)}-${digits.slice(-1)}`);
}

/** IBAN: the country's format and the mod 97 check digits; stored in the electronic form. */
export function checkIban(value: string): Checked {
  const electronic = value.replace(/[\s-]/g, '').toUpperCase();
  if (!isIBAN(electronic)) return bad('must be an IBAN with correct check digits, e.g. SE45 5000 0000 0583 9825 7466');
  return ok(electronic);
}

export function checkBic(value: string): Checked {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!isBIC(compact)) return bad('must be a BIC (SWIFT) code of 8 or 11 characters, e.g. ESSESESS');
  return ok(compact);
}

/** The IBAN as people read it, in groups of four. */
export const printableIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');
