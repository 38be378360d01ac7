import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 26: every key of an agency's table leads with `tenant_id`, so that the tables distribute by
 * agency (Citus: server/src/db/citus.sql) and a row can never point at another agency's row, even
 * in the database. Written once, from the catalog, for every table with a `tenant_id` column except
 * the agency-less ones (`AGENCY_LESS_TABLES` in server/src/db/tenant-keys.ts, here `login_directory`):
 *
 * - the primary key `(id)` becomes `(tenant_id, id)`;
 * - every unique constraint or unique index that does not lead with `tenant_id` gets it in front
 *   (a constraint named by MikroORM's convention is renamed to the convention's name for its new
 *   columns, unless that is longer than PostgreSQL's 63 characters: then it keeps its name);
 * - every foreign key `(x_id) → t (id)` between two such tables becomes `(tenant_id, x_id) → t (tenant_id, id)`,
 *   with the same ON UPDATE / ON DELETE rules; `set null` nulls `x_id` only (`set null (x_id)`), never the agency.
 *
 * MikroORM keeps `id` as the entities' identity (ids are random UUIDs, unique on their own): the ORM's
 * tenant filter and row-level security add `tenant_id` to every request's query, so the new primary
 * key serves them. Paths that run as the owner without an agency (security-definer functions such as
 * the session resume, jobs, raw SQL by id) keep a plain index on `id` (`<table>_id_index`), and the
 * look-ups made before an agency is known keep a plain index on their columns (a site agent's token,
 * a passkey's credential id).
 */
const TENANT_TABLES = `
  select c.oid, c.relname::text as name from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
     and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
     and c.relname <> all (array['login_directory'])`;

/** Unique columns looked up before the agency is known: they keep a plain index of their own. */
const LOOKED_UP_WITHOUT_AGENCY = [
  ['sites', 'agent_token_hash'],
  ['passkeys', 'credential_id'],
];

export class Migration20261208010000_tenant_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $keys$
    declare
      r record;
      cols text;
      action text;
    begin
      create temporary table tenant_key_tables on commit drop as ${TENANT_TABLES};

      -- Foreign keys between two agency tables, remembered, then dropped (they depend on the primary keys).
      create temporary table tenant_key_fks on commit drop as
        select con.conname::text as name, src.name as tbl, dst.name as ref, a.attname::text as col,
               con.confupdtype as on_update, con.confdeltype as on_delete,
               con.condeferrable as deferrable, con.condeferred as deferred
          from pg_constraint con
          join tenant_key_tables src on src.oid = con.conrelid
          join tenant_key_tables dst on dst.oid = con.confrelid
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
         where con.contype = 'f' and cardinality(con.conkey) = 1;
      for r in select * from tenant_key_fks loop
        execute format('alter table %I drop constraint %I', r.tbl, r.name);
      end loop;

      -- Primary keys.
      for r in select t.name, con.conname::text as pkey from tenant_key_tables t
                 join pg_constraint con on con.conrelid = t.oid and con.contype = 'p'
                where pg_get_constraintdef(con.oid) = 'PRIMARY KEY (id)' loop
        execute format('alter table %I drop constraint %I', r.name, r.pkey);
        execute format('alter table %I add constraint %I primary key (tenant_id, id)', r.name, r.pkey);
        execute format('create index %I on %I (id)', r.name || '_id_index', r.name);
      end loop;

      -- Unique constraints that do not lead with tenant_id.
      for r in select t.name, con.conname::text as conname,
                      (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
                         from unnest(con.conkey) with ordinality k(attnum, ord)
                         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as cols,
                      (select string_agg(a.attname, '_' order by k.ord)
                         from unnest(con.conkey) with ordinality k(attnum, ord)
                         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as plain
                 from tenant_key_tables t
                 join pg_constraint con on con.conrelid = t.oid and con.contype = 'u'
                where (select attname from pg_attribute where attrelid = t.oid and attnum = con.conkey[1]) <> 'tenant_id' loop
        execute format('alter table %I drop constraint %I', r.name, r.conname);
        execute format('alter table %I add constraint %I unique (tenant_id, %s)', r.name,
          case when r.conname = r.name || '_' || r.plain || '_unique'
                and length(r.name || '_tenant_id_' || r.plain || '_unique') <= 63
               then r.name || '_tenant_id_' || r.plain || '_unique' else r.conname end,
          r.cols);
      end loop;

      -- Unique indexes (not constraints) that do not lead with tenant_id (partial ones included).
      for r in select t.name, ic.relname::text as idx, pg_get_indexdef(i.indexrelid) as def
                 from tenant_key_tables t
                 join pg_index i on i.indrelid = t.oid and i.indisunique and not i.indisprimary
                 join pg_class ic on ic.oid = i.indexrelid
                where not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid)
                  and (i.indkey[0] = 0 or (select attname from pg_attribute where attrelid = t.oid and attnum = i.indkey[0]) <> 'tenant_id') loop
        execute format('drop index %I', r.idx);
        execute regexp_replace(r.def, ' USING (\\w+) \\(', ' USING \\1 (tenant_id, ');
      end loop;

      -- The foreign keys again, composite.
      for r in select * from tenant_key_fks loop
        action := case r.on_delete when 'c' then 'cascade' when 'r' then 'restrict' when 'a' then 'no action'
                    when 'n' then format('set null (%I)', r.col) when 'd' then format('set default (%I)', r.col) end;
        execute format('alter table %I add constraint %I foreign key (tenant_id, %I) references %I (tenant_id, id) on update %s on delete %s%s',
          r.tbl, r.name, r.col, r.ref,
          case r.on_update when 'c' then 'cascade' when 'r' then 'restrict' when 'a' then 'no action'
                           when 'n' then 'set null' when 'd' then 'set default' end,
          action,
          case when r.deferrable then ' deferrable' || case when r.deferred then ' initially deferred' else '' end else '' end);
      end loop;
    end $keys$;`);
    for (const [table, column] of LOOKED_UP_WITHOUT_AGENCY)
      this.addSql(`create index "${table}_${column}_index" on "${table}" ("${column}");`);
  }

  override async down(): Promise<void> {
    for (const [table, column] of LOOKED_UP_WITHOUT_AGENCY) this.addSql(`drop index if exists "${table}_${column}_index";`);
    this.addSql(`do $keys$
    declare
      r record;
    begin
      create temporary table tenant_key_tables on commit drop as ${TENANT_TABLES};
      create temporary table tenant_key_fks on commit drop as
        select con.conname::text as name, src.name as tbl, dst.name as ref, a.attname::text as col,
               con.confupdtype as on_update, con.confdeltype as on_delete
          from pg_constraint con
          join tenant_key_tables src on src.oid = con.conrelid
          join tenant_key_tables dst on dst.oid = con.confrelid
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[2]
         where con.contype = 'f' and cardinality(con.conkey) = 2;
      for r in select * from tenant_key_fks loop
        execute format('alter table %I drop constraint %I', r.tbl, r.name);
      end loop;
      for r in select t.name, con.conname::text as pkey from tenant_key_tables t
                 join pg_constraint con on con.conrelid = t.oid and con.contype = 'p'
                where pg_get_constraintdef(con.oid) = 'PRIMARY KEY (tenant_id, id)' loop
        execute format('drop index if exists %I', r.name || '_id_index');
        execute format('alter table %I drop constraint %I', r.name, r.pkey);
        execute format('alter table %I add constraint %I primary key (id)', r.name, r.pkey);
      end loop;
      for r in select * from tenant_key_fks loop
        execute format('alter table %I add constraint %I foreign key (%I) references %I (id) on update %s on delete %s',
          r.tbl, r.name, r.col, r.ref,
          case r.on_update when 'c' then 'cascade' when 'r' then 'restrict' when 'a' then 'no action'
                           when 'n' then 'set null' when 'd' then 'set default' end,
          case r.on_delete when 'c' then 'cascade' when 'r' then 'restrict' when 'a' then 'no action'
                           when 'n' then 'set null' when 'd' then 'set default' end);
      end loop;
    end $keys$;`);
    // The unique keys that had no tenant_id before this migration (explicit: which ones did is not in the catalog).
    for (const [table, from, to, columns] of UNIQUES_BEFORE)
      this.addSql(`alter table "${table}" drop constraint "${from}", add constraint "${to}" unique (${columns});`);
    for (const [table, index, definition] of UNIQUE_INDEXES_BEFORE)
      this.addSql(`drop index "${index}"; create unique index "${index}" on "${table}" ${definition};`);
  }
}

/** [table, constraint after, constraint before, columns before] of the unique constraints this migration changes. */
const UNIQUES_BEFORE: [string, string, string, string][] = [
  ['sessions', 'sessions_tenant_id_token_hash_unique', 'sessions_token_hash_unique', '"token_hash"'],
  ['auth_tokens', 'auth_tokens_tenant_id_token_hash_unique', 'auth_tokens_token_hash_unique', '"token_hash"'],
  ['sites', 'sites_tenant_id_agent_token_hash_unique', 'sites_agent_token_hash_unique', '"agent_token_hash"'],
  ['orders', 'orders_renewal_unique', 'orders_renewal_unique', '"subscription_id", "period_start"'],
  [
    'payments',
    'payments_tenant_id_provider_provider_reference_unique',
    'payments_provider_provider_reference_unique',
    '"provider", "provider_reference"',
  ],
  [
    'newsletter_signups',
    'newsletter_signups_tenant_id_token_hash_unique',
    'newsletter_signups_token_hash_unique',
    '"token_hash"',
  ],
  [
    'policy_acceptances',
    'policy_acceptances_policy_version_id_contact_id_unique',
    'policy_acceptances_policy_version_id_contact_id_unique',
    '"policy_version_id", "contact_id"',
  ],
  [
    'privacy_request_tokens',
    'privacy_request_tokens_tenant_id_token_hash_unique',
    'privacy_request_tokens_token_hash_unique',
    '"token_hash"',
  ],
  ['privacy_exports', 'privacy_exports_tenant_id_token_hash_unique', 'privacy_exports_token_hash_unique', '"token_hash"'],
  [
    'site_check_schedules',
    'site_check_schedules_tenant_id_site_id_unique',
    'site_check_schedules_site_id_unique',
    '"site_id"',
  ],
  [
    'site_check_rollups',
    'site_check_rollups_tenant_id_site_id_period_period_start_unique',
    'site_check_rollups_site_id_period_period_start_unique',
    '"site_id", "period", "period_start"',
  ],
  ['passkeys', 'passkeys_tenant_id_credential_id_unique', 'passkeys_credential_id_unique', '"credential_id"'],
  ['api_keys', 'api_keys_tenant_id_token_hash_unique', 'api_keys_token_hash_unique', '"token_hash"'],
  [
    'refunds',
    'refunds_tenant_id_payment_id_idempotency_key_unique',
    'refunds_payment_id_idempotency_key_unique',
    '"payment_id", "idempotency_key"',
  ],
  [
    'site_care_reports',
    'site_care_reports_tenant_id_site_id_month_unique',
    'site_care_reports_site_id_month_unique',
    '"site_id", "month"',
  ],
  [
    'invoice_reminders',
    'invoice_reminders_tenant_id_invoice_id_step_unique',
    'invoice_reminders_invoice_id_step_unique',
    '"invoice_id", "step"',
  ],
];

/** [table, index, definition before] of the unique indexes this migration changes. */
const UNIQUE_INDEXES_BEFORE: [string, string, string][] = [
  ['support_tickets', 'support_tickets_number_unique', '("number")'],
  ['site_incidents', 'site_incidents_open_unique', '("site_id", "kind") where "closed_at" is null'],
];
