import { Migration } from '@mikro-orm/migrations';

export class Migration20261125211102_foreign_key_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "support_tickets_site_id_index" on "support_tickets" ("site_id");`);

    this.addSql(`create index "ticket_messages_ticket_id_index" on "ticket_messages" ("ticket_id");`);

    this.addSql(`create index "orders_site_id_index" on "orders" ("site_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders_site_id_index";`);

    this.addSql(`drop index "support_tickets_site_id_index";`);

    this.addSql(`drop index "ticket_messages_ticket_id_index";`);
  }

}
