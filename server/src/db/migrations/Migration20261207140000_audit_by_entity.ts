import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 25: a customer's page shows the latest audit events about the customer and its records;
 * the log is read by record (newest first), which the (tenant, created_at) index alone cannot do
 * without scanning the agency's whole trail.
 */
export class Migration20261207140000_audit_by_entity extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "audit_events_tenant_id_entity_id_created_at_index" on "audit_events" ("tenant_id", "entity_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "audit_events_tenant_id_entity_id_created_at_index";`);
  }
}
