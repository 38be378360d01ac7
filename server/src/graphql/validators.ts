// Validators shared by modules' inputs (class-validator), each with a message that names the rule.
import { ValidateBy, isISO31661Alpha2 } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const IsCountryCode = () =>
  ValidateBy({
    name: 'isCountryCode',
    validator: {
      validate: (value) => typeof value === 'string' && isISO31661Alpha2(value),
      defaultMessage: () => 'must be an ISO 3166-1 alpha-2 country code, e.g. SE',
    },
  });

const zones = new Set(Intl.supportedValuesOf('timeZone'));
export const IsTimeZone = () =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value) => typeof value === 'string' && (zones.has(value) || value === 'UTC'),
      defaultMessage: () => 'must be an IANA time zone, e.g. Europe/Stockholm',
    },
  });

/** E.164 after normalisation by libphonenumber-js (services store the normalised form). */
export const IsPhoneNumber = () =>
  ValidateBy({
    name: 'isPhoneNumber',
    validator: {
      validate: (value) => typeof value === 'string' && normalisePhone(value) !== undefined,
      defaultMessage: () => 'must be a phone number in international form, e.g. +46 70 123 45 67',
    },
  });

export function normalisePhone(value: string): string | undefined {
  const parsed = parsePhoneNumberFromString(value.trim());
  return parsed?.isValid() ? parsed.number : undefined;
}

/** A host name: lower-case letters, digits and dashes in dot-separated labels, with a TLD. */
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const IsDomain = () =>
  ValidateBy({
    name: 'isDomain',
    validator: {
      validate: (value) => typeof value === 'string' && DOMAIN.test(value.trim().toLowerCase()),
      defaultMessage: () => 'must be a domain name such as example.se (no scheme or path)',
    },
  });
