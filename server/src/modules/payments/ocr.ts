// OCR references for payments to the agency's bankgiro (issue 19), as Bankgirot specifies them: the
// reference ends with a check digit by the modulus-10 method (Luhn: weights 2, 1, 2 … from the right,
// digit sums of the products), and, in the "hard" form with a length digit, the digit before it is
// the reference's whole length (check digit and length digit included) modulo 10. 2–25 digits.
// Luhn finds every single wrong digit and every swap of two neighbouring digits but 0↔9.
// Pure functions: invoices create references, the BgMax import (bgmax.ts) reads them.

export const OCR_MIN_LENGTH = 2;
export const OCR_MAX_LENGTH = 25;

/** The modulus-10 (Luhn) check digit of `digits`. */
export function mod10CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error('mod10CheckDigit: digits only');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // The digit next to the check digit is weighted 2, then 1, 2, 1 … leftwards.
    const product = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export interface OcrOptions {
  /** With Bankgirot's length digit (the default: the agency's bankgiro checks length and check digit). */
  lengthDigit?: boolean;
}

/**
 * The OCR reference for `base` (digits, e.g. an invoice number): `base`, the length digit (unless
 * turned off) and the check digit. Throws when the result would not be 2–25 digits.
 */
export function createOcr(base: string | number, { lengthDigit = true }: OcrOptions = {}): string {
  const digits = String(base);
  if (!/^\d+$/.test(digits)) throw new Error('An OCR reference is made of digits');
  const length = digits.length + (lengthDigit ? 2 : 1);
  if (length < OCR_MIN_LENGTH || length > OCR_MAX_LENGTH)
    throw new Error(`An OCR reference has ${OCR_MIN_LENGTH}–${OCR_MAX_LENGTH} digits`);
  const body = lengthDigit ? `${digits}${length % 10}` : digits;
  return `${body}${mod10CheckDigit(body)}`;
}

/** The reference as written by a person or a bank: spaces and hyphens removed. */
export const normalizeOcr = (reference: string): string => reference.replace(/[\s-]/g, '');

/** Whether `reference` is a valid OCR reference: digits, 2–25 of them, check digit (and length digit). */
export function isValidOcr(reference: string, { lengthDigit = true }: OcrOptions = {}): boolean {
  const digits = normalizeOcr(reference);
  if (!/^\d+$/.test(digits) || digits.length < OCR_MIN_LENGTH || digits.length > OCR_MAX_LENGTH) return false;
  if (lengthDigit && (digits.length < 3 || Number(digits[digits.length - 2]) !== digits.length % 10)) return false;
  return mod10CheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}
