// The agency's colour on its hosted pages, with its contrast checked (WCAG 2.x AA, colord's a11y
// plugin): the accent is darkened until white text on it, and it as text on white, reach 4.5:1.
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

/** Sitecare's own blue, for an agency without a colour. */
export const DEFAULT_ACCENT = '#1f5fa8';
/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5;

export interface HostedTheme {
  /** Buttons' background, links, the header's rule and focus rings: 4.5:1 or more against white. */
  accent: string;
  /** Text on the accent. */
  onAccent: '#ffffff';
  /** The accent's contrast against white, as measured. */
  contrast: number;
}

export function hostedTheme(brandColor: string | null | undefined): HostedTheme {
  let accent = colord(brandColor ?? DEFAULT_ACCENT);
  if (!accent.isValid()) accent = colord(DEFAULT_ACCENT);
  // Each step takes 4 % off the lightness; black is 21:1, so this ends within 25 steps.
  for (let i = 0; i < 30 && accent.contrast('#ffffff') < MIN_CONTRAST; i++) accent = accent.darken(0.04);
  return { accent: accent.toHex(), onAccent: '#ffffff', contrast: accent.contrast('#ffffff') };
}
