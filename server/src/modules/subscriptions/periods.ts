// Subscription periods (issue 19): the n-th period of a subscription ends n months (or years) after
// its anchor, the moment the first period started, in the agency's time zone, the day clamped to the
// month's end: anchored on 31 January, periods end 28/29 February, 31 March, 30 April … (never
// chained from the previous end, which would drift to the 28th or, with setUTCMonth, to 3 March).
// The local time of day is kept across summer time. Checkout, renewal and the demo seed use these.
import { addCalendarMonths } from '../privacy-requests/privacy-request.dates';
import { BillingInterval } from '../packages/service-package.entity';

const MONTHS: Record<BillingInterval, number> = { [BillingInterval.MONTHLY]: 1, [BillingInterval.YEARLY]: 12 };

/** The end of the n-th period (n ≥ 1) of a subscription anchored at `anchor`. */
export function nthPeriodEnd(anchor: Date, interval: BillingInterval, timezone: string, n: number): Date {
  return addCalendarMonths(anchor, n * MONTHS[interval], timezone);
}

/**
 * The end of the period that starts at (or contains) `start`: the first period end strictly after
 * it. For the first period (`start` = the anchor) that is `nthPeriodEnd(anchor, …, 1)`.
 */
export function periodEndAfter(anchor: Date, interval: BillingInterval, timezone: string, start: Date): Date {
  const step = MONTHS[interval];
  // Months between the two in UTC differ from local months by at most one; start one period early.
  const months = (start.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (start.getUTCMonth() - anchor.getUTCMonth());
  let n = Math.max(1, Math.floor(months / step) - 1);
  let end = nthPeriodEnd(anchor, interval, timezone, n);
  while (end <= start) end = nthPeriodEnd(anchor, interval, timezone, ++n);
  return end;
}
