import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18, the helpdesk by e-mail: ticket numbers (#1042, in subjects and reply tokens), the breach
 * mail's once-only mark, the Message-ID of an inbound mail and the address of a held stranger's mail
 * on its message, the ticket of a ticket mail in the outbox (threading by In-Reply-To), each user's
 * ticket-mail choice, and one wake-up of the mail relay for every committed outbox row (a trigger:
 * the ORM's enqueueMail and the reply's one statement alike).
 */
export class Migration20261206210000_helpdesk_mail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "support_ticket_number_seq" start with 1001;`);
    this.addSql(`alter table "support_tickets"
      add column "number" int not null default nextval('support_ticket_number_seq'),
      add column "breach_notified_at" timestamptz null;`);
    this.addSql(`alter sequence "support_ticket_number_seq" owned by "support_tickets"."number";`);
    this.addSql(`create unique index "support_tickets_number_unique" on "support_tickets" ("number");`);
    this.addSql(`grant usage on sequence "support_ticket_number_seq" to public;`);
    this.addSql(`alter table "ticket_messages"
      add column "mail_message_id" text null,
      add column "held_from" text null;`);
    this.addSql(
      `create index "ticket_messages_tenant_id_mail_message_id_index" on "ticket_messages" ("tenant_id", "mail_message_id") where "mail_message_id" is not null;`,
    );
    this.addSql(`alter table "outbox_messages" add column "ticket_id" uuid null;`);
    this.addSql(
      `create index "outbox_messages_tenant_id_ticket_id_index" on "outbox_messages" ("tenant_id", "ticket_id") where "ticket_id" is not null;`,
    );
    this.addSql(`alter table "users" add column "ticket_mail" boolean not null default true;`);
    this.addSql(`create function sitecare_outbox_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('sitecare_mail', new.id::text); return null; end $$;`);
    this.addSql(`create trigger outbox_messages_notify after insert on "outbox_messages"
      for each row execute function sitecare_outbox_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists outbox_messages_notify on "outbox_messages";`);
    this.addSql(`drop function if exists sitecare_outbox_notify();`);
    this.addSql(`alter table "users" drop column "ticket_mail";`);
    this.addSql(`alter table "outbox_messages" drop column "ticket_id";`);
    this.addSql(`alter table "ticket_messages" drop column "mail_message_id", drop column "held_from";`);
    this.addSql(`alter table "support_tickets" drop column "number", drop column "breach_notified_at";`);
  }
}
