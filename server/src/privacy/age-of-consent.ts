// P2, S24: the age from which a person may consent alone, by country (GDPR art. 8 lets each member
// state choose 13–16; COPPA sets 13 in the US). Below it a parent's or guardian's consent is needed.
// One table for every intake (newsletter, contact form, checkout) and for the minors workflow.
const AGE_OF_CONSENT: Record<string, number> = {
  SE: 13, // Lag (2018:218) 2 kap. 4 §
  DK: 13,
  FI: 13,
  NO: 13,
  BE: 13,
  EE: 13,
  LV: 13,
  MT: 13,
  PT: 13,
  US: 13, // COPPA
  GB: 13, // UK GDPR
  AT: 14,
  BG: 14,
  CY: 14,
  ES: 14,
  IT: 14,
  LT: 14,
  CZ: 15,
  FR: 15,
  GR: 15,
  SI: 15,
};

/** GDPR's default where a country has not chosen otherwise. */
export const DEFAULT_AGE_OF_CONSENT = 16;

export function ageOfConsent(country: string | null | undefined): number {
  return (country && AGE_OF_CONSENT[country.toUpperCase()]) || DEFAULT_AGE_OF_CONSENT;
}
