import { ageOfConsent, DEFAULT_AGE_OF_CONSENT } from './age-of-consent';

describe('age of consent', () => {
  it('P2: Sweden and the US 13, a country without its own rule 16, unknown 16', () => {
    expect(ageOfConsent('SE')).toBe(13);
    expect(ageOfConsent('se')).toBe(13);
    expect(ageOfConsent('US')).toBe(13);
    expect(ageOfConsent('DE')).toBe(DEFAULT_AGE_OF_CONSENT);
    expect(ageOfConsent(null)).toBe(16);
  });
});
