import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23: the marketing campaign history (who was sent, who the gate refused and why). The
 * recipients keep no address (the contact, the outbox message, the address's fingerprint). Staff only
 * (permission matrix); the tenant wall as every table.
 */
export class Migration20261207044603_marketing_campaigns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "marketing_campaigns" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "purpose_key" text not null, "subject_sv" text not null, "subject_en" text not null, "body_sv" text not null, "body_en" text not null, "link" text null, "queued" int not null default 0, "refused" int not null default 0, constraint "marketing_campaigns_pkey" primary key ("id"));`);
    this.addSql(`create index "marketing_campaigns_tenant_id_index" on "marketing_campaigns" ("tenant_id");`);

    this.addSql(`create table "marketing_campaign_recipients" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "campaign_id" uuid not null, "contact_id" uuid null, "outbox_message_id" uuid null, "recipient_fingerprint" text not null, "outcome" text check ("outcome" in ('SENT', 'REFUSED')) not null, "reason" text null, constraint "marketing_campaign_recipients_pkey" primary key ("id"));`);
    this.addSql(`create index "marketing_campaign_recipients_tenant_id_index" on "marketing_campaign_recipients" ("tenant_id");`);
    this.addSql(`create index "marketing_campaign_recipients_campaign_id_index" on "marketing_campaign_recipients" ("campaign_id");`);

    this.addSql(`alter table "marketing_campaigns" add constraint "marketing_campaigns_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "marketing_campaign_recipients" add constraint "marketing_campaign_recipients_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "marketing_campaign_recipients" add constraint "marketing_campaign_recipients_campaign_id_foreign" foreign key ("campaign_id") references "marketing_campaigns" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "marketing_campaign_recipients" add constraint "marketing_campaign_recipients_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['marketing_campaigns', 'marketing_campaign_recipients']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "marketing_campaign_recipients" drop constraint "marketing_campaign_recipients_campaign_id_foreign";`);

    this.addSql(`drop table if exists "marketing_campaign_recipients" cascade;`);

    this.addSql(`drop table if exists "marketing_campaigns" cascade;`);
  }

}
