import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 22: each site's monthly care report, once per site and month (the unique key makes the
 * monthly job idempotent), with its figures as made. Tenant wall, and a viewer rule through the site
 * (as site_updates): a customer reads the reports of its own sites only.
 */
export class Migration20261207004555_care_reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "site_care_reports" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "month" text not null, "figures" jsonb not null, "sent_at" timestamptz null, constraint "site_care_reports_pkey" primary key ("id"));`);
    this.addSql(`create index "site_care_reports_tenant_id_index" on "site_care_reports" ("tenant_id");`);
    this.addSql(`create index "site_care_reports_tenant_id_site_id_month_index" on "site_care_reports" ("tenant_id", "site_id", "month");`);
    this.addSql(`alter table "site_care_reports" add constraint "site_care_reports_site_id_month_unique" unique ("site_id", "month");`);

    this.addSql(`alter table "site_care_reports" add constraint "site_care_reports_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "site_care_reports" add constraint "site_care_reports_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    const visible = `(select sitecare_viewer_sees_all()) or exists (select 1 from sites s where s.id = site_id)`;
    this.addSql(`alter table "site_care_reports" enable row level security;`);
    this.addSql(`alter table "site_care_reports" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "site_care_reports" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    this.addSql(
      `create policy viewer_rule on "site_care_reports" as restrictive for all using (${visible}) with check (${visible});`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "site_care_reports" cascade;`);
  }

}
