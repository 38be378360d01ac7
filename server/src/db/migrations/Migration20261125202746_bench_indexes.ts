import { Migration } from '@mikro-orm/migrations';

export class Migration20261125202746_bench_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "customers_tenant_id_created_at_index" on "customers" ("tenant_id", "created_at");`);

    this.addSql(`create index "sites_tenant_id_created_at_index" on "sites" ("tenant_id", "created_at");`);
    this.addSql(`create index "sites_tenant_id_status_domain_index" on "sites" ("tenant_id", "status", "domain");`);

    this.addSql(`create index "support_tickets_tenant_id_assignee_id_first_respon_c9d8a_index" on "support_tickets" ("tenant_id", "assignee_id", "first_response_due_at");`);
    this.addSql(`create index "support_tickets_tenant_id_created_at_index" on "support_tickets" ("tenant_id", "created_at");`);
    this.addSql(`create index "support_tickets_tenant_id_first_response_due_at_index" on "support_tickets" ("tenant_id", "first_response_due_at");`);

    this.addSql(`create index "orders_tenant_id_created_at_index" on "orders" ("tenant_id", "created_at");`);
    this.addSql(`create index "orders_tenant_id_site_id_created_at_index" on "orders" ("tenant_id", "site_id", "created_at");`);

    this.addSql(`create index "subscriptions_tenant_id_status_next_renewal_at_index" on "subscriptions" ("tenant_id", "status", "next_renewal_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customers_tenant_id_created_at_index";`);

    this.addSql(`drop index "orders_tenant_id_created_at_index";`);
    this.addSql(`drop index "orders_tenant_id_site_id_created_at_index";`);

    this.addSql(`drop index "sites_tenant_id_created_at_index";`);
    this.addSql(`drop index "sites_tenant_id_status_domain_index";`);

    this.addSql(`drop index "subscriptions_tenant_id_status_next_renewal_at_index";`);

    this.addSql(`drop index "support_tickets_tenant_id_assignee_id_first_respon_c9d8a_index";`);
    this.addSql(`drop index "support_tickets_tenant_id_created_at_index";`);
    this.addSql(`drop index "support_tickets_tenant_id_first_response_due_at_index";`);
  }

}
