import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23: the contract is a legal basis, and it ends. One rule, here, as
 * `sitecare_contract_ends(customer)`: a customer's contract basis runs while any of its subscriptions
 * runs (not CANCELLED: ends_at is null); after that it ends `tenants.contract_retention_years` (default
 * 3, the statute of limitations) after the later of its last order, its last subscription's end
 * (cancellation or the paid period's end, whichever is later) and its own creation. The retention task
 * (modules/customers/contract-end.ts) asks it for the 30 days' notice and for the minimisation, and the
 * contact's legal-basis view asks it for the date it shows.
 *
 * `customers.contract_end_notice_for` records which end the customer's contacts were told about (and
 * `contract_end_notice_at` when): a later order moves the end, and a new notice is due then.
 * `contract_minimised_at` records when the contract's data was minimised.
 */
export class Migration20261207100000_contract_end extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "tenants" add column "contract_retention_years" int not null default 3 constraint tenants_contract_retention_years_check check ("contract_retention_years" between 1 and 10);`,
    );
    this.addSql(
      `alter table "customers" add column "contract_end_notice_for" timestamptz null, add column "contract_end_notice_at" timestamptz null, add column "contract_minimised_at" timestamptz null;`,
    );
    this.addSql(`create function sitecare_contract_ends(p_customer uuid default null)
      returns table (tenant_id uuid, customer_id uuid, ends_at timestamptz) language sql stable as $$
        select c.tenant_id, c.id,
               case when exists (select 1 from subscriptions s where s.customer_id = c.id and s.status <> 'CANCELLED')
                    then null
                    else greatest(
                           c.created_at,
                           (select max(o.created_at) from orders o where o.customer_id = c.id),
                           (select max(greatest(s.cancelled_at, s.current_period_end)) from subscriptions s
                             where s.customer_id = c.id))
                         + make_interval(years => t.contract_retention_years)
               end
          from customers c join tenants t on t.id = c.tenant_id
         where p_customer is null or c.id = p_customer
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_contract_ends(uuid);`);
    this.addSql(
      `alter table "customers" drop column "contract_end_notice_for", drop column "contract_end_notice_at", drop column "contract_minimised_at";`,
    );
    this.addSql(`alter table "tenants" drop column "contract_retention_years";`);
  }
}
