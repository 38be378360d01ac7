import { Migration } from '@mikro-orm/migrations';

export class Migration20261125151804_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "tenants" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "slug" text not null, "country" char(2) not null default 'SE', "default_language" text not null default 'sv', "privacy_contact_email" text not null, "supervisory_authority_name" text not null, "supervisory_authority_url" text not null, "timezone" text not null default 'Europe/Stockholm', constraint "tenants_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "tenants" add constraint "tenants_slug_unique" unique ("slug");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tenants" cascade;`);
  }
}
