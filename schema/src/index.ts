// What server and dashboard share besides the SDL (schema.graphql beside this package's root).
export * from './audit';
export * from './brand';
export * from './csv';
export * from './permissions';
export * from './webhooks';

/** Languages the product speaks: UI, e-mail templates and a person's preferred language. */
export const SUPPORTED_LANGUAGES = ['sv', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** A stored language as one we write in: English when it says so, Swedish otherwise. */
export const asSupportedLanguage = (value: string | null | undefined): SupportedLanguage =>
  value === 'en' ? 'en' : 'sv';
