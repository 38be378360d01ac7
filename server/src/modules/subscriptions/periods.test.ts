import fc from 'fast-check';
import { DateTime } from 'luxon';
import { BillingInterval } from '../packages/service-package.entity';
import { nthPeriodEnd, periodEndAfter } from './periods';

const ZONE = 'Europe/Stockholm';
const INTERVALS = [BillingInterval.MONTHLY, BillingInterval.YEARLY];
const STEP = { [BillingInterval.MONTHLY]: 1, [BillingInterval.YEARLY]: 12 };

// Every calendar day of 2024–2028 in Stockholm (1 827 days, two leap years, ten changes of summer time).
const FIRST = DateTime.fromObject({ year: 2024, month: 1, day: 1 }, { zone: ZONE });
const DAYS = Math.round(DateTime.fromObject({ year: 2029, month: 1, day: 1 }, { zone: ZONE }).diff(FIRST, 'days').days);

/** What the n-th period end must be: the anchor's day clamped to the target month, at its local time. */
function expectedEnd(anchor: DateTime, interval: BillingInterval, n: number) {
  const months = anchor.year * 12 + (anchor.month - 1) + n * STEP[interval];
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = DateTime.fromObject({ year, month }, { zone: ZONE }).daysInMonth!;
  return { year, month, day: Math.min(anchor.day, lastDay) };
}

describe('M13: period arithmetic', () => {
  it('M13: period arithmetic: 31 January → 29 February → 31 March → 30 April, not 3 March', () => {
    const anchor = DateTime.fromISO('2024-01-31T10:00', { zone: ZONE }).toJSDate();
    const ends = [1, 2, 3, 4].map((n) =>
      DateTime.fromJSDate(nthPeriodEnd(anchor, BillingInterval.MONTHLY, ZONE, n), { zone: ZONE }).toISO(),
    );
    expect(ends).toEqual([
      '2024-02-29T10:00:00.000+01:00',
      '2024-03-31T10:00:00.000+02:00', // summer time began that morning: still 10:00 in Stockholm
      '2024-04-30T10:00:00.000+02:00',
      '2024-05-31T10:00:00.000+02:00',
    ]);
    // A yearly subscription from a leap day: 28 February, then 29 February again in a leap year.
    const leap = DateTime.fromISO('2024-02-29T23:30', { zone: ZONE }).toJSDate();
    expect(
      [1, 4].map((n) =>
        DateTime.fromJSDate(nthPeriodEnd(leap, BillingInterval.YEARLY, ZONE, n), { zone: ZONE }).toISODate(),
      ),
    ).toEqual(['2025-02-28', '2028-02-29']);
  });

  it('M13: period arithmetic: every start date 2024–2028, both intervals, in Europe/Stockholm across summer time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: DAYS - 1 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.constantFrom(...INTERVALS),
        fc.integer({ min: 1, max: 30 }),
        (day, minute, interval, n) => {
          const local = FIRST.plus({ days: day, minutes: minute });
          const anchor = local.toJSDate();
          const end = DateTime.fromJSDate(nthPeriodEnd(anchor, interval, ZONE, n), { zone: ZONE });
          // The start day, clamped to the month's end, n months (years) on: never drifting.
          expect({ year: end.year, month: end.month, day: end.day }).toEqual(expectedEnd(local, interval, n));
          // The local time of day is kept, but for a time that summer time skips (moved on by the gap).
          const kept = end.hour * 60 + end.minute === local.hour * 60 + local.minute;
          const skipped = end.hour * 60 + end.minute === local.hour * 60 + local.minute + 60;
          expect(kept || (skipped && local.hour === 2)).toBe(true);
          // Renewal counts from the anchor: the period starting at the previous end ends here.
          const previous = n === 1 ? anchor : nthPeriodEnd(anchor, interval, ZONE, n - 1);
          expect(periodEndAfter(anchor, interval, ZONE, previous).getTime()).toBe(end.toMillis());
          expect(previous.getTime()).toBeLessThan(end.toMillis());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('M13: period arithmetic: the first period of each start day 2024–2028 (every day, both intervals)', () => {
    for (let day = 0; day < DAYS; day++) {
      const local = FIRST.plus({ days: day }).set({ hour: 12 });
      for (const interval of INTERVALS) {
        const end = DateTime.fromJSDate(nthPeriodEnd(local.toJSDate(), interval, ZONE, 1), { zone: ZONE });
        expect({ year: end.year, month: end.month, day: end.day }).toEqual(expectedEnd(local, interval, 1));
        expect(end.hour).toBe(12);
        // A period inside the first one (a renewal run late or early) ends at the same first end.
        const inside = local.plus({ days: 3 }).toJSDate();
        expect(periodEndAfter(local.toJSDate(), interval, ZONE, inside).getTime()).toBe(end.toMillis());
      }
    }
  });
});
