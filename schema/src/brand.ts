// The agency's colour, with its contrast checked (WCAG 2.x AA, colord's a11y plugin): one rule for
// the hosted pages (server) and the dashboard's app bar (issue 25).
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

// colord's contrast comes from a plugin; added at the first use, so that importing @sitecare/schema
// has no side effect (the dashboard's login page does not download colord).
let contrastPlugin = false;
const withContrast: typeof colord = (input) => {
  if (!contrastPlugin) {
    extend([a11yPlugin]);
    contrastPlugin = true;
  }
  return colord(input);
};

/** Sitecare's own blue, for an agency without a colour. */
export const DEFAULT_ACCENT = '#1f5fa8';
/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5;

export interface BrandAccent {
  /** Buttons' background, links, rules and focus rings: 4.5:1 or more against white. */
  accent: string;
  /** Text on the accent. */
  onAccent: '#ffffff';
  /** The accent's contrast against white, as measured. */
  contrast: number;
}

/** The agency's colour as an accent on white pages: darkened until white text on it (and it on white) reaches 4.5:1. */
export function brandAccent(brandColor: string | null | undefined): BrandAccent {
  let accent = withContrast(brandColor ?? DEFAULT_ACCENT);
  if (!accent.isValid()) accent = withContrast(DEFAULT_ACCENT);
  // Each step takes 4 % off the lightness; black is 21:1, so this ends within 25 steps.
  for (let i = 0; i < 30 && accent.contrast('#ffffff') < MIN_CONTRAST; i++) accent = accent.darken(0.04);
  return { accent: accent.toHex(), onAccent: '#ffffff', contrast: accent.contrast('#ffffff') };
}

export interface BrandSurface {
  /** The agency's colour, as it chose it. */
  background: string;
  /** White, or black where white does not reach 4.5:1 (one of them always does). */
  text: '#ffffff' | '#000000';
  /** The text's contrast on the background, as measured. */
  contrast: number;
}

/** A surface in the agency's own colour (the dashboard's app bar), with the text colour chosen by contrast; null without a valid colour. */
export function brandSurface(brandColor: string | null | undefined): BrandSurface | null {
  const background = withContrast(brandColor ?? '');
  if (!brandColor || !background.isValid()) return null;
  const white = background.contrast('#ffffff');
  const text = white >= MIN_CONTRAST ? '#ffffff' : '#000000';
  return {
    background: background.toHex(),
    text,
    contrast: text === '#ffffff' ? white : background.contrast('#000000'),
  };
}
