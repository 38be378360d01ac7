// The agency's colour on its hosted pages: the contrast rule is @sitecare/schema's (brand.ts), which
// the dashboard's app bar uses too.
import { brandAccent, type BrandAccent } from '@sitecare/schema';

export { DEFAULT_ACCENT, MIN_CONTRAST } from '@sitecare/schema';

export type HostedTheme = BrandAccent;

export const hostedTheme = (brandColor: string | null | undefined): HostedTheme => brandAccent(brandColor);
