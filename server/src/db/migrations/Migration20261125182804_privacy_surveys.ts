import { Migration } from '@mikro-orm/migrations';

export class Migration20261125182804_privacy_surveys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "surveys" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "title_sv" text not null, "title_en" text not null, "questions" jsonb not null, "active" boolean not null default true, constraint "surveys_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "surveys_tenant_id_index" on "surveys" ("tenant_id");`);

    this.addSql(
      `create table "survey_responses" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "survey_id" uuid not null, "contact_id" uuid null, "email" text null, "channel" text check ("channel" in ('PORTAL', 'PUBLIC')) not null, "answers" jsonb not null, constraint "survey_responses_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "survey_responses_tenant_id_index" on "survey_responses" ("tenant_id");`);
    this.addSql(`create index "survey_responses_contact_id_index" on "survey_responses" ("contact_id");`);
    this.addSql(
      `create index "survey_responses_tenant_id_survey_id_created_at_index" on "survey_responses" ("tenant_id", "survey_id", "created_at");`,
    );

    this.addSql(
      `alter table "surveys" add constraint "surveys_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "survey_responses" add constraint "survey_responses_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "survey_responses" add constraint "survey_responses_survey_id_foreign" foreign key ("survey_id") references "surveys" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "survey_responses" add constraint "survey_responses_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete cascade;`,
    );
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['surveys', 'survey_responses']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "survey_responses" drop constraint "survey_responses_survey_id_foreign";`);

    this.addSql(`drop table if exists "surveys" cascade;`);

    this.addSql(`drop table if exists "survey_responses" cascade;`);
  }
}
