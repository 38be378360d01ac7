// S23: deadlines in calendar months in the agency's time zone (31 January + 1 month = 28/29 February).
import { DateTime } from 'luxon';

export const addCalendarMonths = (from: Date, months: number, timezone: string): Date =>
  DateTime.fromJSDate(from, { zone: timezone }).plus({ months }).toJSDate();

/** Due one calendar month after receipt. */
export const dueDateFor = (receivedAt: Date, timezone: string) => addCalendarMonths(receivedAt, 1, timezone);

/** The latest an extension may reach: three calendar months after receipt. */
export const latestDueDateFor = (receivedAt: Date, timezone: string) => addCalendarMonths(receivedAt, 3, timezone);

export const formatDay = (date: Date, timezone: string, language: string) =>
  DateTime.fromJSDate(date, { zone: timezone })
    .setLocale(language === 'en' ? 'en-GB' : 'sv-SE')
    .toLocaleString(DateTime.DATE_FULL);
