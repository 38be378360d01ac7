import { dueDateFor, latestDueDateFor } from './privacy-request.dates';

describe('S23: due dates in calendar months, in the agency time zone', () => {
  it('S23: a request received on 31 January in Stockholm is due at the end of February', () => {
    const received = new Date('2027-01-31T10:00:00+01:00');
    expect(dueDateFor(received, 'Europe/Stockholm').toISOString()).toBe('2027-02-28T09:00:00.000Z');
  });
  it('S23: across the change to summer time the local time of day is kept', () => {
    const received = new Date('2027-03-15T23:30:00+01:00'); // 22:30 UTC on the 15th
    expect(dueDateFor(received, 'Europe/Stockholm').toISOString()).toBe('2027-04-15T21:30:00.000Z');
  });
  it('S23: the latest extension is three calendar months after receipt', () => {
    const received = new Date('2027-11-30T12:00:00+01:00');
    expect(latestDueDateFor(received, 'Europe/Stockholm').toISOString()).toBe('2028-02-29T11:00:00.000Z');
  });
});
