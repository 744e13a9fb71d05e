/**
 * Writing a large goal workbook without holding it: exceljs builds a workbook in
 * memory (about half a kilobyte per cell, so 60,000 goals and 180,000 check-ins took
 * gigabytes), so `consolidate` has exceljs write only the layout — `buildWorkbook` with
 * two sample rows per table, which gives every part of the package (styles, tables,
 * validations for the real number of rows, views, the metadata sheet) — and then
 * writes the package itself: the Goals and CheckIns sheets' rows are streamed, row
 * by row, through zlib into the output file, in the cell styles exceljs chose for
 * each column (the sample rows show them: one row of dates, one of numbers).
 * Strings are inline strings; everything else is written as exceljs writes it.
 */
import { columnIndex, columnLetters } from "../core/a1";
import { once } from "events";
import * as zlib from "zlib";
import type { FileHandle } from "fs/promises";
import { GoalWorkbookSpec, OutValue, buildWorkbook } from "./write";

/** What `buildWorkbook` takes, with the rows given one at a time and counted up front. */
export interface StreamedWorkbookSpec extends Omit<GoalWorkbookSpec, "goals" | "checkIns" | "rowCounts"> {
  goalCount: number;
  checkInCount: number;
  goals: () => Iterable<readonly OutValue[]>;
  checkIns: () => Iterable<readonly OutValue[]>;
  /** Goal rows (0-based) whose Weight gets a percent format of its own (it was typed `45%`). */
  percentWeightRows?: ReadonlySet<number>;
}

/** Weight's column among the goal columns (model.md order), 0-based. */
const WEIGHT_COLUMN = 6;
/** Confidence's column in CheckIns, always formatted `0%`: its style is the percent style. */
const CONFIDENCE_COLUMN = 3;

// ---- zip ----

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  descriptor: boolean;
}

/** DOS date and time of the entries (the zip format's own). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** A zip archive written front to back to a file handle: deflated entries, a central directory. */
class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly handle: FileHandle,
    now: Date,
  ) {
    this.stamp = dosTime(now);
  }

  private async write(b: Buffer): Promise<void> {
    let done = 0;
    while (done < b.length) {
      const { bytesWritten } = await this.handle.write(b, done, b.length - done);
      done += bytesWritten;
    }
    this.offset += b.length;
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.descriptor ? 0x0808 : 0x0800, 6); // bit 3: sizes after the data; bit 11: UTF-8 names
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.compressed, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([h, e.name]);
  }

  async add(name: string, data: Buffer): Promise<void> {
    const body = zlib.deflateRawSync(data);
    const e: Entry = {
      name: Buffer.from(name, "utf8"),
      crc: zlib.crc32(data),
      compressed: body.length,
      size: data.length,
      offset: this.offset,
      descriptor: false,
    };
    this.entries.push(e);
    await this.write(this.localHeader(e));
    await this.write(body);
  }

  /** An entry whose text comes in pieces: deflated as it comes, its sizes after it. */
  async addStreamed(name: string, pieces: Iterable<string>): Promise<void> {
    const e: Entry = { name: Buffer.from(name, "utf8"), crc: 0, compressed: 0, size: 0, offset: this.offset, descriptor: true };
    this.entries.push(e);
    await this.write(this.localHeader(e));
    const deflate = zlib.createDeflateRaw();
    const drained = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        e.compressed += chunk.length;
        await this.write(chunk);
      }
    })();
    for (const piece of pieces) {
      const b = Buffer.from(piece, "utf8");
      e.crc = zlib.crc32(b, e.crc);
      e.size += b.length;
      if (!deflate.write(b)) await once(deflate, "drain");
    }
    deflate.end();
    await drained;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    d.writeUInt32LE(e.compressed, 8);
    d.writeUInt32LE(e.size, 12);
    await this.write(d);
  }

  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(e.descriptor ? 0x0808 : 0x0800, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(this.stamp.time, 12);
      c.writeUInt16LE(this.stamp.date, 14);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([c, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}

/** The entries of a small zip (the layout exceljs wrote), in their order. */
function unzip(bytes: Buffer): { name: string; data: Buffer }[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("the layout workbook is not a zip");
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extra = bytes.readUInt16LE(p + 30);
    const comment = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + compressed);
    out.push({ name, data: method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw) });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

// ---- cells ----

/** XML text as exceljs writes it: markup escaped, the C0 characters XML cannot hold (and DEL) left out. */
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[<>&'"\x7f\x00-\x08\x0b\x0c\x0e-\x1f]/g;
function xmlText(s: string): string {
  return s.replace(XML_SPECIAL, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : c === "'" ? "&apos;" : c === '"' ? "&quot;" : ""));
}

/** The cell styles exceljs chose for one column: for a date, and for anything else. */
interface ColumnStyle {
  date: string;
  other: string;
}

/** A `<c>` attribute's value in a cell's XML, or "" (`s="3"` → "3"). */
function attr(cell: string, name: string): string {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(cell)?.[1] ?? "";
}

/** Column styles from the sample rows: row 2 holds a date in every column, row 3 a number. */
function columnStyles(sheetData: string, width: number): ColumnStyle[] {
  const styles: ColumnStyle[] = Array.from({ length: width }, () => ({ date: "", other: "" }));
  for (const m of sheetData.matchAll(/<c\s[^>]*?r="([A-Z]+)(\d+)"[^>]*?\/?>/g)) {
    const col = columnIndex(m[1]);
    if (col < 0 || col >= width) continue;
    if (m[2] === "2") styles[col].date = attr(m[0], "s");
    if (m[2] === "3") styles[col].other = attr(m[0], "s");
  }
  return styles;
}

/**
 * One cell's XML. `empty` is the index of the shared string "": an empty inline string
 * reads back as a blank cell, while exceljs writes "" as a shared string, read back as "".
 */
function cellXml(ref: string, v: OutValue, style: ColumnStyle, empty: string): string {
  if (v === null || v === undefined) return "";
  const s = (id: string) => (id === "" ? "" : ` s="${id}"`);
  if (v === "") return `<c r="${ref}"${s(style.other)} t="s"><v>${empty}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${s(style.other)} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  if (typeof v === "number") return `<c r="${ref}"${s(style.other)}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s(style.other)} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}"${s(style.date)}><v>${25569 + v.getTime() / 86_400_000}</v></c>`;
  return `<c r="${ref}"${s(style.other)} t="e"><v>${xmlText(v.error)}</v></c>`;
}

/** The sheet's rows from row 2 on, in pieces of about 64 KB. */
function* rowsXml(
  rows: Iterable<readonly OutValue[]>,
  width: number,
  styles: ColumnStyle[],
  empty: string,
  override?: (row: number, col: number) => ColumnStyle | null,
): Generator<string> {
  const cols = Array.from({ length: width }, (_, i) => columnLetters(i));
  let r = 1;
  let buf = "";
  for (const row of rows) {
    r++;
    let cells = "";
    for (let c = 0; c < width; c++) cells += cellXml(`${cols[c]}${r}`, c < row.length ? row[c] : null, override?.(r - 2, c) ?? styles[c], empty);
    buf += `<row r="${r}">${cells}</row>`;
    if (buf.length > 65_536) {
      yield buf;
      buf = "";
    }
  }
  if (buf !== "") yield buf;
}

/** A sheet part split around its data rows: everything before them (with row 1), and after. */
function splitSheet(xml: string, rows: number, width: number): { head: string; tail: string; styles: ColumnStyle[] } {
  const open = xml.indexOf("<sheetData>");
  const close = xml.indexOf("</sheetData>");
  const firstEnd = xml.indexOf("</row>", open);
  if (open < 0 || close < 0 || firstEnd < 0 || firstEnd > close) throw new Error("the layout workbook's sheet has no header row");
  const styles = columnStyles(xml.slice(firstEnd, close), width);
  const dimension = `A1:${columnLetters(width - 1)}${1 + Math.max(1, rows)}`;
  const head = xml.slice(0, firstEnd + "</row>".length).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`);
  return { head, tail: xml.slice(close), styles };
}

/** Writes the workbook `spec` describes to `handle` (a new, empty file). */
export async function writeStreamedWorkbook(spec: StreamedWorkbookSpec, handle: FileHandle, now: Date): Promise<void> {
  const goalWidth = 20 + spec.userColumns.length + (spec.source ? 1 : 0);
  const checkInWidth = 5 + (spec.source ? 1 : 0);
  const sample = (width: number): OutValue[][] => [Array.from({ length: width }, () => now), Array.from({ length: width }, () => 1)];
  const layout = buildWorkbook(
    { ...spec, goals: sample(goalWidth), checkIns: sample(checkInWidth), rowCounts: { goals: spec.goalCount, checkIns: spec.checkInCount } },
    now,
  );
  const parts = unzip(Buffer.from(await layout.xlsx.writeBuffer()));
  const text = (name: string) => parts.find((p) => p.name === name)?.data.toString("utf8") ?? "";
  // Which sheet and table part holds which table, from the table parts themselves.
  const tablePart = (table: string) =>
    parts.find((p) => /^xl\/tables\/[^/]+\.xml$/.test(p.name) && p.data.toString("utf8").includes(` name="${table}"`))?.name ?? "";
  const sheetOf = (tablePartName: string) => {
    const target = `../tables/${tablePartName.split("/").pop()}`;
    const rels = parts.find((p) => /^xl\/worksheets\/_rels\/.+\.rels$/.test(p.name) && p.data.toString("utf8").includes(`Target="${target}"`));
    return rels ? rels.name.replace("_rels/", "").replace(/\.rels$/, "") : "";
  };
  // The shared string "" added to the layout's shared strings.
  const sst = parts.find((p) => p.name === "xl/sharedStrings.xml");
  if (!sst) throw new Error("the layout workbook has no shared strings");
  const strings = sst.data.toString("utf8");
  const empty = String((strings.match(/<si>/g) ?? []).length);
  sst.data = Buffer.from(
    strings.replace(/uniqueCount="(\d+)"/, (_m, n: string) => `uniqueCount="${Number(n) + 1}"`).replace("</sst>", "<si><t></t></si></sst>"),
    "utf8",
  );
  const streamed = new Map<string, { head: string; tail: string; rows: () => Iterable<string> }>();
  const tables = new Map<string, string>();
  const sheets = (
    [
      ["Goals", spec.goalCount, goalWidth, spec.goals],
      ["CheckIns", spec.checkInCount, checkInWidth, spec.checkIns],
    ] as const
  ).map(([table, count, width, rows]) => {
    const part = tablePart(table);
    const sheet = sheetOf(part);
    if (part === "" || sheet === "") throw new Error(`the layout workbook has no ${table} table`);
    return { table, count, width, rows, part, sheet, ...splitSheet(text(sheet), count, width) };
  });
  const percent = sheets[1].styles[CONFIDENCE_COLUMN];
  const percentWeight = (row: number, col: number): ColumnStyle | null => (col === WEIGHT_COLUMN && spec.percentWeightRows?.has(row) ? percent : null);
  for (const { table, count, width, rows, part, sheet, head, tail, styles } of sheets) {
    const override = table === "Goals" && spec.percentWeightRows && spec.percentWeightRows.size > 0 ? percentWeight : undefined;
    streamed.set(sheet, { head, tail, rows: () => rowsXml(rows(), width, styles, empty, override) });
    // A table keeps one (blank) data row when it has none, as Excel wants.
    const ref = `A1:${columnLetters(width - 1)}${1 + Math.max(1, count)}`;
    tables.set(part, text(part).replace(/ ref="A1:[A-Z]+\d+"/g, ` ref="${ref}"`));
  }
  const zip = new ZipWriter(handle, now);
  for (const p of parts) {
    if (p.name.endsWith("/")) continue;
    const s = streamed.get(p.name);
    if (s)
      await zip.addStreamed(
        p.name,
        (function* () {
          yield s.head;
          yield* s.rows();
          yield s.tail;
        })(),
      );
    else await zip.add(p.name, tables.has(p.name) ? Buffer.from(tables.get(p.name) as string, "utf8") : p.data);
  }
  await zip.finish();
}
