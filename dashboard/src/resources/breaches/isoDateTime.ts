// <DateTimeInput> gives the browser's local "2026-11-21T18:40"; the API's DateTimeISO wants an
// instant, so the value is sent as UTC ISO 8601 (empty stays null).
export const parseDateTime = (value: string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null;
