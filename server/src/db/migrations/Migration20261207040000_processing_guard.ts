import { Migration } from '@mikro-orm/migrations';
import { webhookEmitter } from '../webhook-emitter';

/** The webhook emitter as migration `webhooks` wrote it, with the restriction's check or without. */
const emit = (withheld: boolean) => webhookEmitter({ withheld });

/**
 * Issue 23: restriction (Art. 18) and objection (Art. 21) are states every module honours, written
 * once, here, as `sitecare_processing_refusal(contacts, email, purpose, marketing)`: the TypeScript
 * guard (modules/customers/processing.guard.ts) asks it for every operation that processes a person's
 * data beyond storage, and the webhook emitter asks it before an event about a person leaves.
 *
 * - A restricted person's data is stored, not used: every purpose is refused.
 * - An objection stops the purposes an objection stops (`stopped_by_objection`: a legitimate-interest
 *   basis, or direct marketing, Art. 21(2)) and marketing itself.
 *
 * Processing purposes say whether they are direct marketing (`direct_marketing`), and every agency gets
 * the `surveys` purpose, a legitimate interest (customer surveys to improve the service).
 */
export class Migration20261207040000_processing_guard extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "processing_purposes" add column "direct_marketing" boolean not null default false, add column "stopped_by_objection" boolean generated always as (legal_basis = 'LEGITIMATE_INTEREST' or direct_marketing) stored not null;`,
    );
    this.addSql(
      `update "processing_purposes" set "direct_marketing" = true where "key" in ('newsletter', 'targeted_ads', 'profiling', 'email_tracking');`,
    );
    this.addSql(`insert into "processing_purposes" ("id", "tenant_id", "key", "description_sv", "description_en", "legal_basis", "data_categories", "retention_days")
      select gen_random_uuid(), t.id, 'surveys',
             'Kundundersökningar för att förbättra våra tjänster (berättigat intresse).',
             'Customer surveys to improve our services (legitimate interest).',
             'LEGITIMATE_INTEREST', '["name", "email", "survey_answers"]'::jsonb, 730
        from "tenants" t
       where not exists (select 1 from "processing_purposes" p where p.tenant_id = t.id and p.key = 'surveys');`);

    this.addSql(`create function sitecare_processing_refusal(p_contacts uuid[], p_email text, p_purpose text, p_marketing boolean default false)
      returns text language sql stable as $$
        select case
          when bool_or(c.processing_restricted_at is not null) then 'PROCESSING_RESTRICTED'
          when bool_or(c.marketing_objected_at is not null) and (p_marketing or exists (
            select 1 from processing_purposes p where p.key = p_purpose and p.stopped_by_objection)) then 'OBJECTED'
        end
          from contacts c
         where c.id = any(coalesce(p_contacts, '{}'))
            or (nullif(trim(p_email), '') is not null and lower(c.email) = lower(trim(p_email)))
      $$;`);

    // The person an event is about: a ticket's contact or requester, an order's (or a subscription's
    // first order's, a refund's order's) contact, a privacy request's requester.
    this.addSql(`create function sitecare_webhook_withheld(p_data jsonb) returns boolean language sql stable as $$
        select sitecare_processing_refusal(
          array_remove(array[
            (select t.contact_id from support_tickets t where t.id = (p_data->>'ticketId')::uuid),
            (select o.contact_id from orders o where o.id = (p_data->>'orderId')::uuid),
            (select o.contact_id from subscriptions s join orders o on o.id = s.first_order_id
              where s.id = (p_data->>'subscriptionId')::uuid)
          ], null),
          coalesce(
            (select t.requester_email from support_tickets t where t.id = (p_data->>'ticketId')::uuid),
            (select r.requester_email from privacy_requests r where r.id = (p_data->>'privacyRequestId')::uuid)),
          'service_delivery') is not null
      $$;`);
    this.addSql(emit(true));
  }

  override async down(): Promise<void> {
    this.addSql(emit(false));
    this.addSql(`drop function if exists sitecare_webhook_withheld(jsonb);`);
    this.addSql(`drop function if exists sitecare_processing_refusal(uuid[], text, text, boolean);`);
    this.addSql(`delete from "processing_purposes" p where p.key = 'surveys'
      and not exists (select 1 from "consent_events" e where e.purpose_id = p.id);`);
    this.addSql(`alter table "processing_purposes" drop column "stopped_by_objection", drop column "direct_marketing";`);
  }
}
