import { Migration } from '@mikro-orm/migrations';
import { webhookEmitter } from '../webhook-emitter';

/**
 * Every change a webhook reports calls `sitecare_webhook_emit` from its trigger (a ticket's reply, an
 * order's payment…), whether or not the agency has an endpoint for it. The emitter checked first
 * whether the event is about a person whose processing is restricted, which reads the contacts, the
 * ticket or the order behind it: about a third of a millisecond of every reply, for agencies that
 * have no endpoint at all. It now asks its agency's endpoints first (one index look-up) and returns
 * when none takes the event. The restriction's check and the deliveries are as before.
 */
export class Migration20261209000000_webhook_listened_first extends Migration {
  override async up(): Promise<void> {
    this.addSql(webhookEmitter({ withheld: true, listenedFirst: true }));
  }

  override async down(): Promise<void> {
    this.addSql(webhookEmitter({ withheld: true }));
  }
}
