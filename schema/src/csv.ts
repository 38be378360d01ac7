// The one rule that makes a CSV cell safe to open in a spreadsheet (OWASP "CSV injection"), shared by
// every CSV the product writes: the processor register (server) and the dashboard's list exports.

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR) gets a
 * leading apostrophe: the cells are typed by people and opened in Excel.
 */
export const csvInert = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
