import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23, policy text that aged: the processor register offers the EU–US Data Privacy Framework as
 * a transfer mechanism of its own (the Privacy Shield the seed policy names no longer exists). US
 * processors recorded as an adequacy decision with a Data Privacy Framework note move to it.
 */
export class Migration20261207010000_dpf_transfer extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "processors" drop constraint if exists "processors_transfer_mechanism_check"`);
    this.addSql(
      `alter table "processors" add constraint "processors_transfer_mechanism_check" check ("transfer_mechanism" in ('NONE_EEA', 'ADEQUACY', 'DPF', 'SCC', 'BCR', 'CONSENT'))`,
    );
    this.addSql(
      `update "processors" set "transfer_mechanism" = 'DPF' where "transfer_mechanism" = 'ADEQUACY' and "country" = 'US' and "notes" ilike '%Data Privacy Framework%'`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`update "processors" set "transfer_mechanism" = 'ADEQUACY' where "transfer_mechanism" = 'DPF'`);
    this.addSql(`alter table "processors" drop constraint if exists "processors_transfer_mechanism_check"`);
    this.addSql(
      `alter table "processors" add constraint "processors_transfer_mechanism_check" check ("transfer_mechanism" in ('NONE_EEA', 'ADEQUACY', 'SCC', 'BCR', 'CONSENT'))`,
    );
  }
}
