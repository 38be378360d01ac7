// What payments mean to subscriptions (payments/payment.events.ts): registered when the module loads.
import { listenToPayments } from '../payments/payment.events';
import { renewalChargeFailed, renewalPaid } from './renewal.service';
import { startSubscriptionFor } from './subscription.service';

listenToPayments({
  async orderPaid(ctx, order, mandate) {
    await startSubscriptionFor(ctx, order, mandate);
  },
  renewalPaid,
  storedChargeRefused: renewalChargeFailed,
});
