// P28/S25: the access and portability export: a ZIP with data.json (everything every personal-data
// source holds about the person), data.schema.json (its JSON Schema) and README.txt in their language.
import { strToU8, zipSync } from 'fflate';
import type { RequestContext } from '../graphql/context';
import { personalDataSources, type DataSubject } from './personal-data';

export const EXPORT_FORMAT_VERSION = 1;

function jsonSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Sitecare personal data export',
    type: 'object',
    required: ['formatVersion', 'generatedAt', 'agency', 'subject', 'sections'],
    properties: {
      formatVersion: { const: EXPORT_FORMAT_VERSION },
      generatedAt: { type: 'string', format: 'date-time' },
      agency: {
        type: 'object',
        properties: { name: { type: 'string' }, privacyContactEmail: { type: 'string', format: 'email' } },
      },
      subject: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
      sections: {
        type: 'object',
        description: 'One entry per kind of data; README.txt describes each. Times are ISO 8601 (UTC).',
        properties: Object.fromEntries(
          personalDataSources().map((s) => [
            s.name,
            { description: s.description.en, type: ['array', 'object', 'null'] },
          ]),
        ),
        additionalProperties: false,
      },
    },
  };
}

function readme(language: 'sv' | 'en', agency: string, contact: string, sections: Record<string, unknown>): string {
  const count = (v: unknown) => (Array.isArray(v) ? v.length : v ? 1 : 0);
  const lines = personalDataSources().map(
    (s) => `- ${s.name} (${count(sections[s.name])}): ${s.description[language]}`,
  );
  return language === 'sv'
    ? [
        `Dina personuppgifter hos ${agency}`,
        '',
        'data.json innehåller allt vi har om dig, i maskinläsbar form (JSON). data.schema.json beskriver formatet (JSON Schema).',
        'Avsnitten i data.json ("sections"):',
        ...lines,
        '',
        'Tider anges i UTC (ISO 8601). Belopp anges i minsta enhet (öre/cent).',
        `Frågor om dina uppgifter: ${contact}`,
      ].join('\n')
    : [
        `Your personal data at ${agency}`,
        '',
        'data.json holds everything we have about you, machine-readable (JSON). data.schema.json describes the format (JSON Schema).',
        'The sections of data.json ("sections"):',
        ...lines,
        '',
        'Times are UTC (ISO 8601). Amounts are in minor units (cents/öre).',
        `Questions about your data: ${contact}`,
      ].join('\n');
}

/** Builds the ZIP by walking every personal-data source. */
export async function buildExport(
  ctx: RequestContext,
  subject: DataSubject,
  opts: { language: 'sv' | 'en'; agency: string; privacyContactEmail: string },
): Promise<{ zip: Buffer; data: Record<string, unknown> }> {
  const sections: Record<string, unknown> = {};
  const files: Record<string, Uint8Array> = {};
  for (const source of personalDataSources()) {
    sections[source.name] = await source.export(ctx, subject);
    Object.assign(files, await source.files?.(ctx, subject));
  }
  const data = {
    formatVersion: EXPORT_FORMAT_VERSION,
    generatedAt: new Date().toISOString(),
    agency: { name: opts.agency, privacyContactEmail: opts.privacyContactEmail },
    subject: { email: subject.email },
    sections,
  };
  const zip = zipSync({
    'data.json': strToU8(JSON.stringify(data, null, 2)),
    'data.schema.json': strToU8(JSON.stringify(jsonSchema(), null, 2)),
    'README.txt': strToU8(readme(opts.language, opts.agency, opts.privacyContactEmail, sections)),
    ...files,
  });
  return { zip: Buffer.from(zip), data };
}
