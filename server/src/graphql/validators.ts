// Validators shared by modules' inputs (class-validator), each with a message that names the rule.
import { ValidateBy, isISO31661Alpha2 } from 'class-validator';

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
