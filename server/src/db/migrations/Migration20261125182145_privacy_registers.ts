import { Migration } from '@mikro-orm/migrations';

export class Migration20261125182145_privacy_registers extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "processors" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "purpose" text not null, "data_categories" text not null, "country" text not null, "transfer_mechanism" text check ("transfer_mechanism" in ('NONE_EEA', 'ADEQUACY', 'SCC', 'BCR', 'CONSENT')) not null, "contract_date" date null, "contact" text null, "url" text null, "notes" text not null default '', constraint "processors_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "processors_tenant_id_index" on "processors" ("tenant_id");`);
    this.addSql(`create index "processors_tenant_id_name_index" on "processors" ("tenant_id", "name");`);

    this.addSql(
      `create table "breaches" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "aware_at" timestamptz not null, "description" text not null, "data_categories" text not null, "approx_affected" int not null, "consequences" text not null, "measures" text not null, "reportable" boolean not null, "not_reportable_reason" text null, "authority_notified_at" timestamptz null, "subjects_notified_at" timestamptz null, "overdue_flagged_at" timestamptz null, constraint "breaches_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "breaches_tenant_id_index" on "breaches" ("tenant_id");`);
    this.addSql(`create index "breaches_tenant_id_aware_at_index" on "breaches" ("tenant_id", "aware_at");`);

    this.addSql(
      `create table "disclosures" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "recipient" text not null, "data_description" text not null, "legal_ground" text not null, "disclosed_at" timestamptz not null, "disclosed_by_id" uuid null, "contact_id" uuid null, "notes" text not null default '', constraint "disclosures_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "disclosures_tenant_id_index" on "disclosures" ("tenant_id");`);
    this.addSql(
      `create index "disclosures_tenant_id_disclosed_at_index" on "disclosures" ("tenant_id", "disclosed_at");`,
    );

    this.addSql(
      `alter table "processors" add constraint "processors_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "breaches" add constraint "breaches_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "disclosures" add constraint "disclosures_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "disclosures" add constraint "disclosures_disclosed_by_id_foreign" foreign key ("disclosed_by_id") references "users" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "disclosures" add constraint "disclosures_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`,
    );
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['processors', 'disclosures', 'breaches']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "processors" cascade;`);

    this.addSql(`drop table if exists "breaches" cascade;`);

    this.addSql(`drop table if exists "disclosures" cascade;`);
  }
}
