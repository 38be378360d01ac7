import { Migration } from '@mikro-orm/migrations';

/** Issue 17: the environment of each agency's own PayPal account (its keys are agency_secrets rows). */
export class Migration20261206210000_agency_payments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "tenants" add column "paypal_environment" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tenants" drop column "paypal_environment";`);
  }
}
