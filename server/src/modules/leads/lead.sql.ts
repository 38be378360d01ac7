// Compiled reads (graphql/sql) of the lead queue: as Query.leads in lead.resolver.ts (staff only).
import { readRoot } from '../../graphql/sql/compile';

readRoot('Query.leads', {
  kind: 'list',
  entity: 'Lead',
  filters: { status: (value, t, params) => `${t}.status = ${params.add(value, 'text')}` },
  orderBy: (t) => `${t}.created_at desc, ${t}.id desc`,
});
