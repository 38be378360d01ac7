// Validators shared by modules' inputs (class-validator), each with a message that names the rule.
import { ValidateBy, isISO31661Alpha2 } from 'class-validator';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

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

/**
 * A phone number in any common form: international ("+46 70 555 12 34", "0046…") or national for
 * the contact's country ("070-555 12 34"; issue 25). When the input names the country, the number is
 * checked against it here; a national number whose country comes from the stored contact or the
 * agency is checked by the service, through the same `normalisePhone`, which stores E.164.
 */
export const IsPhoneNumber = () =>
  ValidateBy({
    name: 'isPhoneNumber',
    validator: {
      validate: (value, args) => {
        if (typeof value !== 'string') return false;
        const country = (args?.object as { country?: unknown } | undefined)?.country;
        if (typeof country === 'string' && country) return normalisePhone(value, country) !== undefined;
        return international(value) ? normalisePhone(value) !== undefined : NATIONAL.test(value.trim());
      },
      defaultMessage: () => PHONE_RULE,
    },
  });

export const PHONE_RULE = 'must be a phone number, e.g. 070-123 45 67 or +46 70 123 45 67';
/** Digits with the usual separators: a national number whose country is settled by the service. */
const NATIONAL = /^\(?\d[\d\s().\-/]{4,24}$/;
const international = (value: string) => /^\s*(\+|00)/.test(value);

/**
 * The one phone normaliser: E.164, or undefined when the value is not a valid number. A national
 * number ("070-555 12 34") is read for `country` (ISO 3166-1 alpha-2: the contact's, else the
 * agency's); an international one ("+46…", "0046…") for its own.
 */
export function normalisePhone(value: string, country?: string | null): string | undefined {
  const text = value.trim().replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(text, (country?.toUpperCase() || undefined) as CountryCode | undefined);
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
