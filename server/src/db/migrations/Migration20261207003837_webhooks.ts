import { Migration } from '@mikro-orm/migrations';

const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Each event, emitted in one place: a trigger on the table whose change it reports, so that every path
 * making the change (resolvers, compiled SQL, jobs, provider webhooks, the CLI) emits it, in the same
 * transaction (nothing is sent for a change that rolls back). The data is ids and the changed fields:
 * never a name, an address, a message's text or anything else about a person.
 */
const EVENTS: Array<{ name: string; table: string; on: string; body: string }> = [
  {
    name: 'ticket_created',
    table: 'support_tickets',
    on: 'after insert',
    body: `perform sitecare_webhook_emit(new.tenant_id, 'ticket.created', jsonb_build_object(
      'ticketId', new.id, 'customerId', new.customer_id, 'siteId', new.site_id, 'status', new.status,
      'priority', new.priority, 'channel', new.channel));`,
  },
  {
    // A message after the ticket's first, that the customer sees (internal notes are not sent).
    name: 'ticket_replied',
    table: 'ticket_messages',
    on: 'after insert',
    body: `if not new.internal and exists (select 1 from ticket_messages m where m.ticket_id = new.ticket_id and m.id <> new.id) then
      perform sitecare_webhook_emit(new.tenant_id, 'ticket.replied', jsonb_build_object(
        'ticketId', new.ticket_id, 'messageId', new.id,
        'by', coalesce((select case when u.role = 'CUSTOMER' then 'CUSTOMER' else 'STAFF' end from users u where u.id = new.author_user_id), 'REQUESTER')));
    end if;`,
  },
  {
    name: 'order_status',
    table: 'orders',
    on: 'after insert or update of status',
    body: `if tg_op = 'INSERT' or old.status is distinct from new.status then
      if new.status = 'PAID' then
        perform sitecare_webhook_emit(new.tenant_id, 'order.paid', jsonb_build_object(
          'orderId', new.id, 'number', new.number, 'customerId', new.customer_id, 'subscriptionId', new.subscription_id,
          'status', new.status, 'currency', new.currency, 'totalMinor', new.total_minor, 'paidAt', ${ts('new.paid_at')}));
      elsif new.status = 'REFUNDED' then
        perform sitecare_webhook_emit(new.tenant_id, 'order.refunded', jsonb_build_object(
          'orderId', new.id, 'number', new.number, 'customerId', new.customer_id, 'status', new.status,
          'currency', new.currency, 'totalMinor', new.total_minor, 'refundedAt', ${ts('new.refunded_at')}));
      end if;
    end if;`,
  },
  {
    name: 'subscription_change',
    table: 'subscriptions',
    on: 'after update of status, current_period_end',
    body: `if new.current_period_end > old.current_period_end then
      perform sitecare_webhook_emit(new.tenant_id, 'subscription.renewed', jsonb_build_object(
        'subscriptionId', new.id, 'customerId', new.customer_id, 'status', new.status,
        'currentPeriodStart', ${ts('new.current_period_start')}, 'currentPeriodEnd', ${ts('new.current_period_end')}));
    end if;
    if new.status = 'PAST_DUE' and old.status is distinct from 'PAST_DUE' then
      perform sitecare_webhook_emit(new.tenant_id, 'subscription.past_due', jsonb_build_object(
        'subscriptionId', new.id, 'customerId', new.customer_id, 'status', new.status));
    end if;`,
  },
  {
    // Never the requester's address or the request's text: the id, the kind and the deadline.
    name: 'privacy_request_received',
    table: 'privacy_requests',
    on: 'after insert',
    body: `perform sitecare_webhook_emit(new.tenant_id, 'privacy_request.received', jsonb_build_object(
      'privacyRequestId', new.id, 'type', new.type, 'channel', new.channel, 'status', new.status, 'dueAt', ${ts('new.due_at')}));`,
  },
  {
    name: 'customer_created',
    table: 'customers',
    on: 'after insert',
    body: `perform sitecare_webhook_emit(new.tenant_id, 'customer.created', jsonb_build_object('customerId', new.id));`,
  },
  {
    // The monitoring module's outages (issue 22): an incident of kind DOWN opened, and closed.
    name: 'site_incident',
    table: 'site_incidents',
    on: 'after insert or update of closed_at',
    body: `if new.kind = 'DOWN' and tg_op = 'INSERT' then
      perform sitecare_webhook_emit(new.tenant_id, 'site.down', jsonb_build_object(
        'incidentId', new.id, 'siteId', new.site_id, 'openedAt', ${ts('new.opened_at')}));
    elsif new.kind = 'DOWN' and tg_op = 'UPDATE' and old.closed_at is null and new.closed_at is not null then
      perform sitecare_webhook_emit(new.tenant_id, 'site.up', jsonb_build_object(
        'incidentId', new.id, 'siteId', new.site_id, 'openedAt', ${ts('new.opened_at')}, 'closedAt', ${ts('new.closed_at')}));
    end if;`,
  },
];

/**
 * Issue 21, outgoing webhooks (S36): endpoints and their delivery log (tenant wall; admins only, by the
 * permission matrix), `sitecare_webhook_emit` (a message per subscribed endpoint, and a notice on
 * commit that wakes the delivery worker), and the triggers that emit each event (EVENTS above).
 * The emitting functions are security definer: a customer's reply emits `ticket.replied` although the
 * customer reads no endpoint.
 */
export class Migration20261207003837_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoints" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "url" text not null, "description" text null, "events" text[] not null, "enabled" boolean not null default true, "status" text check ("status" in ('ACTIVE', 'FAILING')) not null default 'ACTIVE', "failing_since" timestamptz null, "secret_ciphertext" text not null, "previous_secret_ciphertext" text null, "previous_secret_until" timestamptz null, constraint "webhook_endpoints_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoints_tenant_id_index" on "webhook_endpoints" ("tenant_id");`);

    this.addSql(`create table "webhook_deliveries" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "endpoint_id" uuid not null, "event_type" text not null, "payload" jsonb not null, "status" text check ("status" in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "last_status_code" int null, "last_error" text null, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, constraint "webhook_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_tenant_id_index" on "webhook_deliveries" ("tenant_id");`);
    this.addSql(`create index "webhook_deliveries_endpoint_id_created_at_index" on "webhook_deliveries" ("endpoint_id", "created_at");`);

    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['webhook_endpoints', 'webhook_deliveries']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
    this.addSql(`create function sitecare_webhook_emit(p_tenant uuid, p_type text, p_data jsonb) returns void
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      declare
        v_id uuid;
      begin
        for v_id in
          insert into webhook_deliveries (id, tenant_id, endpoint_id, event_type, payload)
          select gen_random_uuid(), e.tenant_id, e.id, p_type, jsonb_build_object(
                   'type', p_type, 'timestamp', ${ts('clock_timestamp()')}, 'data', jsonb_strip_nulls(p_data))
            from webhook_endpoints e
           where e.tenant_id = p_tenant and e.enabled and p_type = any(e.events)
          returning id
        loop
          perform pg_notify('sitecare_webhook', v_id::text);
        end loop;
      end $$;`);
    for (const event of EVENTS) {
      this.addSql(`create function sitecare_webhook_on_${event.name}() returns trigger
        language plpgsql volatile security definer set search_path = public, pg_temp as $$
        begin
          ${event.body}
          return null;
        end $$;`);
      this.addSql(
        `create trigger webhook_${event.name} ${event.on} on "${event.table}" for each row execute function sitecare_webhook_on_${event.name}();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const event of EVENTS) {
      this.addSql(`drop trigger if exists webhook_${event.name} on "${event.table}";`);
      this.addSql(`drop function if exists sitecare_webhook_on_${event.name}();`);
    }
    this.addSql(`drop function if exists sitecare_webhook_emit(uuid, text, jsonb);`);
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);
  }

}
