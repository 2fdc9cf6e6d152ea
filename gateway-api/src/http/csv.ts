// CSV export of any list (RFC 4180: comma-separated, CRLF, quoted where needed). Cells that a
// spreadsheet would run as a formula are prefixed with a quote, so an export is safe to open.
import type { Response } from 'express';

export interface CsvTable {
  readonly filename: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: CsvTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function sendCsv(res: Response, table: CsvTable): void {
  res.status(200).type('text/csv; charset=utf-8').attachment(`${table.filename}.csv`).send(toCsv(table));
}
