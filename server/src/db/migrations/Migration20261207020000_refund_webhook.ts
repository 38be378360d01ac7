import { Migration } from '@mikro-orm/migrations';

const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Issue 21 with issue 19's partial refunds: `order.refunded` is emitted once per refund (a row of the
 * refunds ledger that did not fail), with its amount and the order's refunded total so far, in the
 * refund's own transaction, so a partial refund is reported too. The order-status trigger keeps
 * `order.paid` only.
 */
export class Migration20261207020000_refund_webhook extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function sitecare_webhook_on_order_status() returns trigger
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      begin
        if (tg_op = 'INSERT' or old.status is distinct from new.status) and new.status = 'PAID' then
          perform sitecare_webhook_emit(new.tenant_id, 'order.paid', jsonb_build_object(
            'orderId', new.id, 'number', new.number, 'customerId', new.customer_id, 'subscriptionId', new.subscription_id,
            'status', new.status, 'currency', new.currency, 'totalMinor', new.total_minor, 'paidAt', ${ts('new.paid_at')}));
        end if;
        return null;
      end $$;`);
    this.addSql(`create function sitecare_webhook_on_refund() returns trigger
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      begin
        if new.status <> 'FAILED' then
          perform sitecare_webhook_emit(new.tenant_id, 'order.refunded', (
            select jsonb_build_object(
                     'orderId', o.id, 'number', o.number, 'customerId', o.customer_id, 'refundId', new.id,
                     'paymentId', new.payment_id, 'amountMinor', new.amount_minor, 'currency', new.currency,
                     'totalMinor', o.total_minor,
                     'refundedMinor', (select coalesce(sum(r.amount_minor), 0) from refunds r
                                        where r.order_id = o.id and r.status <> 'FAILED'),
                     'refundedAt', ${ts('new.created_at')})
              from orders o where o.id = new.order_id));
        end if;
        return null;
      end $$;`);
    this.addSql(
      `create trigger webhook_refund after insert on "refunds" for each row execute function sitecare_webhook_on_refund();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists webhook_refund on "refunds";`);
    this.addSql(`drop function if exists sitecare_webhook_on_refund();`);
  }
}
