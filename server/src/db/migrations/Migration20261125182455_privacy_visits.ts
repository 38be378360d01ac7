import { Migration } from '@mikro-orm/migrations';

export class Migration20261125182455_privacy_visits extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "visits" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "path" text not null, "referrer" text null, "visitor_id" text null, "user_id" uuid null, "ip" text null, "ip_anonymised_at" timestamptz null, "browser_name" text null, "browser_version" text null, "os_name" text null, "os_version" text null, constraint "visits_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "visits_tenant_id_index" on "visits" ("tenant_id");`);
    this.addSql(`create index "visits_user_id_index" on "visits" ("user_id");`);
    this.addSql(`create index "visits_tenant_id_visitor_id_index" on "visits" ("tenant_id", "visitor_id");`);
    this.addSql(`create index "visits_tenant_id_created_at_index" on "visits" ("tenant_id", "created_at");`);

    this.addSql(
      `alter table "visits" add constraint "visits_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "visits" add constraint "visits_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    this.addSql(`alter table "visits" enable row level security;`);
    this.addSql(`alter table "visits" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "visits" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "visits" cascade;`);
  }
}
