// Issue 23: CSV export of a list (react-admin's exporter). The records are those the data provider
// fetched for the viewer, so they hold only the fields the viewer's role may read (FIELD_PERMISSIONS,
// PERSONAL_FIELDS: see selectionOf in dataProvider.ts). Every cell goes through the one CSV-safe rule
// (csvInert, @sitecare/schema), as the processor register's CSV does.
import { csvInert } from '@sitecare/schema';
import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';

/** A value as one cell: lists joined, nested objects as JSON, nothing as an empty cell. */
function cell(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const line = (values: string[]) => values.map(field).join(',');

/** The records as CSV text: one column per field any record has (except `__typename`), header first. */
export function recordsToCsv(records: readonly RaRecord[]): string {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))].filter((key) => key !== '__typename');
  const rows = records.map((record) => line(columns.map((column) => csvInert(cell(record[column])))));
  return [line(columns), ...rows].join('\n') + '\n';
}

/** The exporter every list uses: a CSV named after the resource. */
export const csvExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) => {
  downloadCSV(recordsToCsv(records), resource ?? 'export');
};
