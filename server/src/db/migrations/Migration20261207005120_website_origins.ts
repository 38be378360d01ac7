import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21 (S37): the origins of each agency's website, and their look-up by the agency's slug before
 * any tenant is set (the website endpoint's CORS, modules/website/cors.ts), like sitecare_tenant_by_slug:
 * it answers that list only.
 */
export class Migration20261207005120_website_origins extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tenants" add column "allowed_origins" text[] not null default '{}';`);
    this.addSql(`create function sitecare_agency_origins(p_slug text) returns text[]
      language sql stable security definer set search_path = public, pg_temp as $$
        select t.allowed_origins from tenants t where t.slug = p_slug
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_agency_origins(text);`);
    this.addSql(`alter table "tenants" drop column "allowed_origins";`);
  }
}
