-- The statement counter, in its own schema: Sitecare grants the application role every function in
-- public at start, which it could not do for the superuser's extension functions.
create schema if not exists bench_stats;
create extension if not exists pg_stat_statements schema bench_stats;

-- What the peers need in the database besides Sitecare's own schema (run by the bench as the owner).

-- Sitecare's contractor rule (auth/scopes.ts ticketScope): tickets of sites assigned to the viewer
-- now. PostGraphile switches to this role for a contractor; the policy narrows what the tenant
-- policy already allows.
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'bench_contractor') then create role bench_contractor nologin; end if;
end $$;
grant bench_contractor to sitecare_app;
grant select, insert, update, delete on all tables in schema public to bench_contractor;
drop policy if exists contractor_assigned on support_tickets;
create policy contractor_assigned on support_tickets as restrictive for all to bench_contractor
  using (site_id in (select site_id from site_assignments
                      where user_id = nullif(current_setting('app.user_id', true), '')::uuid
                        and starts_at <= now() and (ends_at is null or ends_at > now())));

-- Site.openTickets (Sitecare: SiteTicketsResolver.openTickets) as a computed column.
create or replace function sites_open_tickets(s sites) returns setof support_tickets
  language sql stable as $$
    select * from support_tickets t where t.site_id = s.id and t.status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')
     order by t.first_response_due_at, t.id
  $$;

-- The reply (Sitecare: ticketMessageCreate) as a mutation: the message, the ticket's first
-- response and status, in the request's transaction.
create or replace function ticket_reply(p_ticket_id uuid, p_body text) returns ticket_messages
  language plpgsql volatile as $$
  declare
    message ticket_messages;
  begin
    update support_tickets set first_responded_at = coalesce(first_responded_at, now()), updated_at = now(),
           status = case when status in ('NEW', 'OPEN') then 'WAITING_ON_CUSTOMER' else status end
     where id = p_ticket_id;
    if not found then raise exception 'Support ticket not found'; end if;
    insert into ticket_messages (id, tenant_id, ticket_id, author_user_id, body, internal, password_hints, created_at, updated_at)
    values (gen_random_uuid(), nullif(current_setting('app.tenant_id', true), '')::uuid, p_ticket_id,
            nullif(current_setting('app.user_id', true), '')::uuid, p_body, false, '[]', now(), now())
    returning * into message;
    -- The requester's mail, as Sitecare's reply queues it (run.mjs creates it from Sitecare's SQL).
    perform bench_reply_mail(message.id, message.ticket_id, message.body);
    return message;
  end $$;
alter function sites_open_tickets(sites) owner to sitecare_owner;
alter function ticket_reply(uuid, text) owner to sitecare_owner;
grant execute on function sites_open_tickets(sites), ticket_reply(uuid, text) to sitecare_app, bench_contractor;

-- Computed columns (a subscription's paymentMethodOnFile, an order's refundableMinor, …): run.mjs
-- creates them from Sitecare's own read definitions (selection.mjs, computedColumnFunctions).
-- The table's GraphQL name would clash with the root Subscription type.
comment on table subscriptions is E'@name package_subscriptions';
