// Free text that mentions the person (their name, e-mail or phone) in rows that are not theirs: the
// mention is replaced, the row stays (P26). Case-insensitive, on whole values as stored.
import type { RequestContext } from '../../graphql/context';
import type { DataSubject } from '../personal-data';

export const ERASED = '[erased]';

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation of everything that identifies the subject, or undefined when there is nothing to look for. */
export function mentionPattern(subject: DataSubject): string | undefined {
  const needles = [subject.email, ...subject.names, ...subject.phones].filter((n) => n.trim().length >= 3);
  return needles.length ? needles.map(escapeRegex).join('|') : undefined;
}

/** Replaces mentions in `columns` (text or jsonb) of `table`; returns the number of rows changed. */
export async function scrubMentions(
  ctx: RequestContext,
  subject: DataSubject,
  table: string,
  columns: { name: string; json?: boolean }[],
): Promise<number> {
  const pattern = mentionPattern(subject);
  if (!pattern) return 0;
  const value = (name: string, json?: boolean) => (json ? `${name}::text` : name);
  const sets = columns.map(({ name, json }) =>
    json
      ? `${name} = regexp_replace(${name}::text, ?, '${ERASED}', 'gi')::jsonb`
      : `${name} = regexp_replace(${name}, ?, '${ERASED}', 'gi')`,
  );
  const where = columns.map(({ name, json }) => `${value(name, json)} ~* ?`).join(' or ');
  const res = await ctx.em.execute(
    `update ${table} set ${sets.join(', ')} where tenant_id = ? and (${where})`,
    [...columns.map(() => pattern), subject.tenantId, ...columns.map(() => pattern)],
    'run',
  );
  return (res as { affectedRows?: number }).affectedRows ?? 0;
}
