import { Migration } from '@mikro-orm/migrations';

/**
 * The staff home page counts the open tickets, the orders awaiting payment and the active sites of
 * its agency. Each count visited every counted row in the table (a bitmap heap scan), because the
 * viewer's row rule reads columns the status index does not hold (the customer, the site). The
 * status indexes now carry those columns (INCLUDE), so the counts are index-only scans. Measured on
 * the bench's scale data (the largest agency, as its admin): the home page's statement 17.6 → 8.7 ms
 * of PostgreSQL time; the open tickets' count 5.9 → 2.0 ms, the orders' 4.2 → 0.6 ms, the sites'
 * 3.1 → 1.6 ms. Each index keeps its name, its key columns and what it served before.
 */
const INDEXES = [
  {
    name: 'support_tickets_tenant_id_status_first_response_due_at_index',
    table: 'support_tickets',
    key: 'tenant_id, status, first_response_due_at',
    include: 'customer_id, site_id',
  },
  { name: 'orders_tenant_id_status_created_at_index', table: 'orders', key: 'tenant_id, status, created_at', include: 'customer_id' },
  { name: 'sites_tenant_id_status_domain_index', table: 'sites', key: 'tenant_id, status, domain', include: 'id, customer_id' },
];

export class Migration20261210010000_counted_from_indexes extends Migration {
  override async up(): Promise<void> {
    for (const index of INDEXES) {
      this.addSql(`drop index "${index.name}";`);
      this.addSql(`create index "${index.name}" on "${index.table}" (${index.key}) include (${index.include});`);
    }
  }

  override async down(): Promise<void> {
    for (const index of INDEXES) {
      this.addSql(`drop index "${index.name}";`);
      this.addSql(`create index "${index.name}" on "${index.table}" (${index.key});`);
    }
  }
}
