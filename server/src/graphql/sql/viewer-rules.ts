// The viewer's row rules as the planner needs them. The rules are PostgreSQL's own: one restrictive
// policy `viewer_rule` per table (migration viewer_rules and the tables' own migrations), enforced on
// every path. A policy is written for every viewer at once (`(select sitecare_viewer_sees_all()) or
// customer_id = (select sitecare_viewer_customer()) or site_id = any((select sitecare_viewer_sites()))`),
// and an OR over the viewer's kinds is opaque to the planner: a contractor's ticket list read every
// ticket of the agency to keep the few on their sites (pnpm bench, query (c), 2026-12-07: 60 ms of
// PostgreSQL CPU per request against 6 ms for the same rows by the assignment index).
//
// So a root list also states the policy itself, read from the catalog at start-up and partially
// evaluated for the viewer's role: what the role fixes (not staff, its role name, no customer unless
// a customer login) becomes a constant, the planner drops the arms that cannot hold, and the one left
// (`site_id = any(...)`) picks its index. The policy stays the rule; this is the same expression, so
// it can narrow nothing the policy lets through. Staff see every row: nothing is added for them.
import type { Role } from '@sitecare/schema';

/** The viewer functions a policy calls as an initplan, as pg_get_expr writes them. */
const VIEWER_CALL = /\(\s*SELECT\s+sitecare_viewer_(\w+)\(\)\s+AS\s+sitecare_viewer_\w+\)/g;

/** What a role fixes about the viewer (sitecare_set_viewer): name → constant; others stay calls. */
function constantsOf(role: Role): Record<string, string> | undefined {
  if (role !== 'CONTRACTOR' && role !== 'CUSTOMER') return undefined; // staff: every row
  return {
    sees_all: 'false',
    role: `'${role}'::text`,
    ...(role === 'CUSTOMER' ? {} : { customer: 'NULL::uuid' }),
  };
}

const policies = new Map<string, string>();
const specialised = new Map<string, string>();

/** Remembers the `viewer_rule` policies of the database (table → its USING expression). */
export function rememberViewerRules(rows: { table: string; rule: string }[]): void {
  policies.clear();
  specialised.clear();
  for (const { table, rule } of rows) policies.set(table, rule);
}

/** The catalog query that `rememberViewerRules` takes the rows of. */
export const VIEWER_RULES_SQL = `select c.relname as "table", pg_get_expr(p.polqual, p.polrelid) as "rule"
  from pg_policy p join pg_class c on c.oid = p.polrelid
  join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
 where p.polname = 'viewer_rule'`;

/**
 * Table `table`'s policy for a viewer of `role`, as a condition on its row `alias` (the innermost FROM
 * item, so that the policy's unqualified columns are its own), or undefined: staff, or no policy known.
 */
export function viewerRuleFor(table: string, role: Role | undefined, alias: string): string | undefined {
  const constants = role && constantsOf(role);
  const rule = policies.get(table);
  if (!constants || !rule) return undefined;
  const key = `${table}\u0000${role}\u0000${alias}`;
  let condition = specialised.get(key);
  if (condition === undefined) {
    // Inside its sublinks the policy names its own table's columns `table.column`.
    const own = new RegExp(`(?<![\\w."])"?${table}"?\\.`, 'g');
    condition = `(${rule.replace(VIEWER_CALL, (call, name: string) => constants[name] ?? call).replace(own, `${alias}.`)})`;
    specialised.set(key, condition);
  }
  return condition;
}
