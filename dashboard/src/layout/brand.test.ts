// M19 (issue 25): the app bar's colours come from the agency's colour by the hosted pages' contrast
// rule (@sitecare/schema brand.ts): the text on it always reaches WCAG AA's 4.5:1.
import { brandAccent, brandSurface, MIN_CONTRAST } from '@sitecare/schema';

describe("M19: the agency's colour on the app bar", () => {
  it('M19: white text on a dark colour, black text where white does not reach 4.5:1', () => {
    expect(brandSurface('#5b21b6')).toMatchObject({ background: '#5b21b6', text: '#ffffff' });
    expect(brandSurface('#ffd500')).toMatchObject({ background: '#ffd500', text: '#000000' });
    for (const color of ['#5b21b6', '#ffd500', '#2196f3', '#777777', '#00ff00', '#ff0000', '#808080']) {
      expect(brandSurface(color)!.contrast).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });

  it('M19: no colour, or one that is not a colour, keeps Sitecare’s own theme', () => {
    expect(brandSurface(null)).toBeNull();
    expect(brandSurface('')).toBeNull();
    expect(brandSurface('not a colour')).toBeNull();
  });

  it('M19: the hosted pages’ accent is the same rule: darkened until white text on it reaches 4.5:1', () => {
    const accent = brandAccent('#ffd500');
    expect(accent.contrast).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(accent.onAccent).toBe('#ffffff');
  });
});
