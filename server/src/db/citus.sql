-- Issue 26: distributes Sitecare's tables by agency on Citus. Run it as the tables' owner (a Citus
-- superuser for create_*_table) on the coordinator, after the migrations (`pnpm sitecare migrate`
-- or a first start), on a database where `create extension citus` was run. Where the citus extension
-- does not exist (plain PostgreSQL) it does nothing. It was checked on plain PostgreSQL 17 only; no
-- Citus cluster was run here (docs/operations.md, "Distributing by tenant").
--
-- The tables come from the catalog, by the same rule as the catalog test (server/src/db/tenant-keys.ts):
-- every public table with a tenant_id column is distributed by it, all colocated with `customers`
-- (distributed first), so every join of one agency's rows stays on one node; the agencies and the login directory are reference tables (a copy on
-- every node); `mikro_orm_migrations`, `rate_limits`, `webauthn_challenges` and the `pgboss` schema
-- stay local tables on the coordinator.
do $citus$
declare
  r record;
begin
  if not exists (select 1 from pg_extension where extname = 'citus') then
    raise notice 'citus is not installed here: nothing to distribute';
    return;
  end if;
  for r in
-- plan:begin
    select kind, name from (
      select 'reference' as kind, c.relname::text as name, 0 as step from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
         and c.relname in ('tenants', 'login_directory')
      union all
      select 'distributed', c.relname::text, case when c.relname = 'customers' then 1 else 2 end from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
         and c.relname not in ('tenants', 'login_directory', 'mikro_orm_migrations', 'rate_limits', 'webauthn_challenges')
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    ) plan order by step, name
-- plan:end
  loop
    if exists (select 1 from pg_dist_partition p where p.logicalrelid = format('public.%I', r.name)::regclass) then
      continue; -- already distributed (the script can run again after a new migration)
    end if;
    if r.kind = 'reference' then
      execute format('select create_reference_table(%L)', 'public.' || quote_ident(r.name));
    else
      execute format('select create_distributed_table(%L, %L, colocate_with => %L)',
        'public.' || quote_ident(r.name), 'tenant_id',
        case when r.name = 'customers' then 'default' else 'public.customers' end);
    end if;
  end loop;
end $citus$;
