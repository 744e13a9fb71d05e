/**
 * CSV files (docs/cli.md "Formats"): UTF-8 with or without a byte order mark, fields
 * separated by `,` or `;` (the separator that splits the header line into more fields
 * wins; Excel in many European locales saves `;`), quoted as RFC 4180 says (`""` is a
 * quote, a quoted field may hold separators and line breaks), lines ending in CRLF or
 * LF. The rows are read as one plain sheet of goals, as if Excel had opened the file:
 * a field that is a plain decimal number becomes a number; everything else stays text
 * (`45%`, `2026-01-01`, `007` and `=1+1` included: the engine reads percentages and
 * ISO dates from text, and text is never a formula).
 */

export interface CsvSheet {
  separator: "," | ";";
  rows: (string | number | null)[][];
}

export const CSV_LIMITS = { bytes: 50 * 2 ** 20, cells: 1_000_000 };

/** Why a CSV file cannot be read: one line without the file name. */
export class CsvError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "CsvError";
  }
}

function fieldsOfFirstLine(text: string, sep: string): number {
  let n = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === sep) n++;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
  }
  return n;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function typed(field: string): string | number | null {
  if (field === "") return null;
  if (NUMBER.test(field)) {
    const n = Number(field);
    if (Number.isFinite(n)) return n;
  }
  return field;
}

/** Splits CSV text into rows of fields. Never throws on odd quoting: an unclosed quote runs to the end. */
export function parseCsv(bytes: Uint8Array, limits = CSV_LIMITS): CsvSheet {
  if (bytes.length > limits.bytes)
    throw new CsvError(`is more than ${Math.round(limits.bytes / 2 ** 20)} MB (the limit for a CSV file); split it into smaller files`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CsvError("is not UTF-8 text; save it as CSV UTF-8 (Comma delimited) or as an Excel Workbook (.xlsx)");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\u0000")) throw new CsvError("is not a text file (it holds NUL characters); save it as CSV UTF-8 or as an Excel Workbook (.xlsx)");
  const separator = fieldsOfFirstLine(text, ";") > fieldsOfFirstLine(text, ",") ? ";" : ",";
  const rows: (string | number | null)[][] = [];
  let row: (string | number | null)[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let cells = 0;
  const endField = () => {
    row.push(wasQuoted ? (field === "" ? null : field) : typed(field));
    if (++cells > limits.cells) throw new CsvError(`holds more than ${limits.cells.toLocaleString("en-US")} fields (the limit); split it into smaller files`);
    field = "";
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      wasQuoted = true;
    } else if (ch === separator) endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (field !== "" || row.length > 0 || quoted) endRow();
  return { separator, rows };
}
