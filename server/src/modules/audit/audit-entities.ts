// Issue 25: an audit event names its record and links to it, instead of a bare type and UUID. The
// records of a page are named in ONE statement (a union over the types the page mentions), on the
// request's connection, so the viewer's row rules apply: a record the viewer may not see, or that is
// gone, has no name and no link.
import type { RequestContext } from '../../graphql/context';
import { loaderFor } from '../../graphql/loaders';
import { uuidArray } from '../../privacy/subject';

interface AuditedEntity {
  table: string;
  /** SQL over the row `r`: the record's name as people know it. */
  label: string;
  /** The dashboard resource that shows it, and the id there (SQL over `r`; null: no page). */
  resource: string;
  linkId?: string;
  /** The page's path, when it is not the resource's show page. */
  path?: (id: string) => string;
}

/** Every audited entity type that has a page of its own (or its parent's) in the dashboard. */
export const AUDITED_ENTITIES: Record<string, AuditedEntity> = {
  Tenant: { table: 'tenants', label: 'r.name', resource: 'agency', path: () => '/agency-settings' },
  Customer: { table: 'customers', label: 'r.name', resource: 'customers' },
  Contact: { table: 'contacts', label: 'r.name', resource: 'customers', linkId: 'r.customer_id' },
  Site: { table: 'sites', label: 'r.domain', resource: 'sites' },
  SiteCredential: { table: 'site_credentials', label: 'r.label', resource: 'sites', linkId: 'r.site_id' },
  SiteAssignment: {
    table: 'site_assignments',
    label: '(select s.domain from sites s where s.id = r.site_id)',
    resource: 'sites',
    linkId: 'r.site_id',
  },
  User: { table: 'users', label: 'r.name', resource: 'users' },
  SupportTicket: { table: 'support_tickets', label: `'#' || r.number || ' ' || r.subject`, resource: 'supportTickets' },
  Order: { table: 'orders', label: `'#' || r.number`, resource: 'orders' },
  // An invoice is shown on its order's page (the invoice list has no page per invoice).
  Invoice: { table: 'invoices', label: `'#' || r.number`, resource: 'orders', linkId: 'r.order_id' },
  Subscription: {
    table: 'subscriptions',
    label: '(select c.name from customers c where c.id = r.customer_id)',
    resource: 'subscriptions',
  },
  ServicePackage: { table: 'service_packages', label: 'r.name_sv', resource: 'servicePackages' },
  Lead: { table: 'leads', label: 'r.name', resource: 'leads' },
  Processor: { table: 'processors', label: 'r.name', resource: 'processors', path: (id) => `/processors/${id}` },
  PrivacyRequest: { table: 'privacy_requests', label: 'r.requester_email', resource: 'privacyRequests' },
  PolicyVersion: {
    table: 'policy_versions',
    label: `r.version || ' (' || r.language || ')'`,
    resource: 'policyVersions',
  },
  Breach: { table: 'breaches', label: `to_char(r.aware_at, 'YYYY-MM-DD')`, resource: 'breaches' },
};

export interface AuditEntityRef {
  label: string;
  /** The dashboard path of the record's page (null: it has none). */
  link: string | null;
}

const keyOf = (type: string, id: string) => `${type}:${id}`;

/** The name and page of an audited record, batched per request: one statement for the whole page. */
export function auditEntityRef(ctx: RequestContext, type: string, id: string): Promise<AuditEntityRef | null> {
  if (!AUDITED_ENTITIES[type]) return Promise.resolve(null);
  return loaderFor<string, AuditEntityRef | null>(ctx, 'auditEntityRef', async (keys) => {
    const idsByType = new Map<string, string[]>();
    for (const key of keys) {
      const [t, i] = key.split(':') as [string, string];
      idsByType.set(t, [...(idsByType.get(t) ?? []), i]);
    }
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const [t, ids] of idsByType) {
      const e = AUDITED_ENTITIES[t]!;
      parts.push(
        `select ?::text as type, r.id::text as id, (${e.label})::text as label, (${e.linkId ?? 'r.id'})::text as link_id
           from ${e.table} r where r.id = any(?::uuid[])`,
      );
      params.push(t, uuidArray(ids)); // a PostgreSQL array literal: knex would spread a JS array
    }
    const rows = await ctx.em.execute<
      Array<{ type: string; id: string; label: string | null; link_id: string | null }>
    >(parts.join(' union all '), params);
    const found = new Map(
      rows.map((r) => {
        const e = AUDITED_ENTITIES[r.type]!;
        const id = r.link_id === null ? null : encodeURIComponent(r.link_id);
        const link = id === null ? null : e.path ? e.path(id) : `/${e.resource}/${id}/show`;
        return [keyOf(r.type, r.id), { label: r.label ?? '', link }];
      }),
    );
    return keys.map((k) => found.get(k) ?? null);
  }).load(keyOf(type, id));
}
