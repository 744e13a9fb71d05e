/**
 * The package layer: reads an .xlsx archive with limits, resolves its parts the way
 * the Open Packaging Conventions say (relationships, absolute or relative targets, any
 * namespace prefix), and hands exceljs a small canonical package holding only what the
 * command line reads: the sheets' cells (values, formulas), their tables, the shared
 * strings, the number formats, the date system and the modified time. exceljs 4 only
 * understands parts at the paths and in the markup it writes itself; everything here
 * exists so that it never sees anything else (docs/cli.md "The package layer").
 *
 * Every limit is checked while reading, before memory is spent: the archive's size and
 * number of parts, each part's inflated size and compression ratio (while inflating,
 * stopping at the limit), the number of cells and shared strings. Declared ranges
 * (table refs) are clamped to the sheet and to the cells present. A failure is a
 * PackageError whose reason is one line for the user; it never carries a library's
 * words.
 */
import { MAX_COLUMNS, MAX_ROWS, columnLetters, parseCell, parseCellRange } from "../core/a1";
import { Inflate, zipSync } from "fflate";
import { SaxesParser, SaxesTagNS } from "saxes";

/** Why an archive is refused: one line for a person, without the file name. */
export class PackageError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "PackageError";
  }
}

export interface PackageLimits {
  /** Bytes of the file itself. */
  fileBytes: number;
  /** Entries in the archive's directory. */
  entries: number;
  /** Inflated bytes of one part. */
  partBytes: number;
  /** Inflated bytes of all the parts read. */
  totalBytes: number;
  /** Inflated ÷ compressed bytes of one part, checked once the part passes `ratioFloor` bytes. */
  ratio: number;
  ratioFloor: number;
  /** Cells with a value or a formula, all sheets together. */
  cells: number;
  sharedStrings: number;
  sheets: number;
  tables: number;
}

export const DEFAULT_LIMITS: Readonly<PackageLimits> = {
  fileBytes: 100 * 2 ** 20,
  entries: 10_000,
  partBytes: 100 * 2 ** 20,
  totalBytes: 200 * 2 ** 20,
  ratio: 100,
  ratioFloor: 10 * 2 ** 20,
  cells: 1_000_000,
  sharedStrings: 1_000_000,
  sheets: 1_000,
  tables: 1_000,
};

/** What the package layer found, besides the canonical package for exceljs. */
export interface NormalisedPackage {
  /** A zip (stored, not compressed) of canonical parts, for exceljs's `xlsx.load`. */
  zip: Uint8Array;
  date1904: boolean;
  /** The sheets in workbook order, with the cells present (1-based; 0 when empty). */
  sheets: { name: string; lastRow: number; lastColumn: number }[];
  /** Table refs that were clamped: `Goals: A1:T99999999 → A1:T5`. */
  clamped: string[];
}

// ---- The zip directory ----

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const CHUNK = 8 * 1024;
const DAMAGED = "is truncated or damaged (the .xlsx archive is incomplete)";

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

function entryName(raw: Uint8Array, flags: number): string {
  const name = (flags & 0x800 ? utf8 : latin1).decode(raw);
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** The archive's central directory, checked against its own bounds. */
function readDirectory(bytes: Uint8Array, limits: PackageLimits): Entry[] {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new PackageError(DAMAGED);
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff)
    throw new PackageError("is a ZIP64 archive (over 4 GB or 65,535 parts), more than a goal workbook holds; save it again in Excel");
  if (count > limits.entries)
    throw new PackageError(`holds ${count.toLocaleString("en-US")} parts (the limit is ${limits.entries.toLocaleString("en-US")}); it is not a goal workbook`);
  if (offset + size > end) throw new PackageError(DAMAGED);
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) throw new PackageError(DAMAGED);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    if (at + 46 + nameLength > end) throw new PackageError(DAMAGED);
    const name = entryName(bytes.subarray(at + 46, at + 46 + nameLength), flags);
    entries.push({ name, method, flags, compressedSize, localOffset });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

// ---- Parts, inflated with limits ----

class Parts {
  private readonly byName = new Map<string, Entry>();
  private total = 0;

  constructor(
    private readonly bytes: Uint8Array,
    entries: Entry[],
    private readonly limits: PackageLimits,
  ) {
    // Part names are case-insensitive (OPC); the first of two equal names wins.
    for (const e of entries) if (!e.name.endsWith("/") && !this.byName.has(e.name.toLowerCase())) this.byName.set(e.name.toLowerCase(), e);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The part's bytes, or null when there is no such part. */
  read(name: string): Uint8Array | null {
    const e = this.byName.get(name.toLowerCase());
    if (!e) return null;
    if (e.flags & 1) throw new PackageError("is password-protected (its parts are encrypted); save an unprotected copy");
    const b = this.bytes;
    const at = e.localOffset;
    if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw new PackageError(DAMAGED);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const stop = start + e.compressedSize;
    if (stop > b.length) throw new PackageError(DAMAGED);
    const data = b.subarray(start, stop);
    const limit = Math.min(this.limits.partBytes, this.limits.totalBytes - this.total);
    let out: Uint8Array;
    if (e.method === 0) {
      if (data.length > limit) throw this.tooBig(e.name, data.length);
      out = data;
    } else if (e.method === 8) {
      out = this.inflate(e.name, data, limit);
    } else {
      throw new PackageError(`uses a compression method this reader does not know (method ${e.method} in ${e.name}); save it again in Excel`);
    }
    this.total += out.length;
    return out;
  }

  private tooBig(name: string, size: number): PackageError {
    const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString("en-US")} MB`;
    if (size > this.limits.partBytes)
      return new PackageError(`part ${name} inflates to more than ${mb(this.limits.partBytes)} (the limit for one part); it is not a goal workbook`);
    return new PackageError(`inflates to more than ${mb(this.limits.totalBytes)} in all (the limit); it is not a goal workbook`);
  }

  private inflate(name: string, data: Uint8Array, limit: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Set by the inflater's callback: the assertion keeps TypeScript from narrowing it to null.
    let failure = null as PackageError | null;
    // The ratio is taken over the packed bytes read so far, so that a bomb cannot hide behind a packed tail.
    let consumed = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      if (size > limit) failure ??= this.tooBig(name, size);
      else if (size > this.limits.ratioFloor && size > this.limits.ratio * consumed)
        failure ??= new PackageError(`part ${name} inflates more than ${this.limits.ratio} times its packed size (a zip bomb); it is not a goal workbook`);
      else chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length && !failure; i += CHUNK) {
        consumed = Math.min(data.length, i + CHUNK);
        inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch {
      throw failure ?? new PackageError(DAMAGED);
    }
    if (failure) throw failure;
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

// ---- XML ----

const MAIN_NS = new Set(["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main", ""]);
const REL_NS = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);

function decodeText(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  const t = utf8.decode(b);
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

interface XmlHandlers {
  open?: (tag: SaxesTagNS) => void;
  close?: (tag: SaxesTagNS) => void;
  text?: (text: string) => void;
}

function parseXml(part: string, bytes: Uint8Array, h: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: unknown = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  if (h.open) parser.on("opentag", h.open);
  if (h.close) parser.on("closetag", h.close);
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  try {
    parser.write(decodeText(bytes)).close();
  } catch (e) {
    if (e instanceof PackageError) throw e;
    failure ??= e;
  }
  if (failure) {
    if (failure instanceof PackageError) throw failure;
    throw new PackageError(`is damaged: part ${part} is not well-formed XML (line ${parser.line}); open it in Excel and save it again`);
  }
}

function isMain(tag: SaxesTagNS, local: string): boolean {
  return tag.local === local && MAIN_NS.has(tag.uri);
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local && a.uri === "") return a.value;
  return undefined;
}

function relAttr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local && REL_NS.has(a.uri)) return a.value;
  return undefined;
}

/** Text for XML: `& < >` and the characters XML would otherwise normalise (CR, tab in attributes). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"\r\t\n]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xmlBoolean(v: string | undefined): boolean {
  const t = (v ?? "").trim().toLowerCase();
  return t === "1" || t === "true" || t === "on";
}

// ---- Relationships ----

interface Rel {
  id: string;
  type: string;
  /** Resolved part name (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

function relsPartOf(part: string): string {
  const dir = dirOf(part);
  const base = part.slice(dir.length === 0 ? 0 : dir.length + 1);
  return `${dir === "" ? "" : `${dir}/`}_rels/${base}.rels`;
}

/** A relationship target resolved against its source part: absolute (`/xl/…`) or relative (`../tables/…`). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.trim().replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  try {
    t = decodeURIComponent(t);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  const segments = t.startsWith("/")
    ? []
    : dirOf(sourcePart)
        .split("/")
        .filter((s) => s !== "");
  for (const s of t.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segments.pop();
    else segments.push(s);
  }
  return segments.join("/");
}

function readRels(parts: Parts, sourcePart: string): Rel[] {
  const relsPart = relsPartOf(sourcePart);
  const bytes = parts.read(relsPart);
  if (!bytes) return [];
  const rels: Rel[] = [];
  parseXml(relsPart, bytes, {
    open(tag) {
      if (tag.local !== "Relationship") return;
      const id = attr(tag, "Id") ?? "";
      const target = attr(tag, "Target") ?? "";
      const external = (attr(tag, "TargetMode") ?? "").toLowerCase() === "external";
      const type = (attr(tag, "Type") ?? "").replace(/\/+$/, "");
      rels.push({ id, type: type.slice(type.lastIndexOf("/") + 1).toLowerCase(), target: external ? target : resolveTarget(sourcePart, target), external });
    },
  });
  return rels;
}

// ---- Cell references ----

/** `B7` → {row: 7, col: 2}, 1-based as the sheet's XML counts; null when it is not a cell reference. */
function cellRef(ref: string): { row: number; col: number } | null {
  const c = parseCell(ref.trim());
  return c && { row: c.row + 1, col: c.column + 1 };
}

// ---- The parts read ----

interface SheetDef {
  name: string;
  state: string;
  part: string;
}

interface Workbook {
  sheets: SheetDef[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

function readWorkbookPart(parts: Parts, limits: PackageLimits): { part: string; book: Workbook } {
  const rootRels = readRels(parts, "");
  const office = rootRels.find((r) => r.type === "officedocument" && !r.external && parts.has(r.target));
  const part = office?.target ?? "xl/workbook.xml";
  const bytes = parts.read(part);
  if (!bytes) throw new PackageError("not an Excel workbook (.xlsx): the archive holds no workbook part");
  const rels = readRels(parts, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const book: Workbook = { sheets: [], date1904: false, sharedStrings: null, styles: null };
  let isWorkbook = false;
  parseXml(part, bytes, {
    open(tag) {
      if (isMain(tag, "workbook")) isWorkbook = true;
      else if (isMain(tag, "workbookPr")) book.date1904 = xmlBoolean(attr(tag, "date1904"));
      else if (isMain(tag, "sheet")) {
        const rel = byId.get(relAttr(tag, "id") ?? "");
        if (!rel || rel.external || rel.type !== "worksheet") return;
        if (book.sheets.length >= limits.sheets)
          throw new PackageError(`holds more than ${limits.sheets.toLocaleString("en-US")} sheets (the limit); it is not a goal workbook`);
        book.sheets.push({ name: attr(tag, "name") ?? "", state: attr(tag, "state") ?? "visible", part: rel.target });
      }
    },
  });
  if (!isWorkbook) throw new PackageError("not an Excel workbook (.xlsx): its workbook part is not a SpreadsheetML workbook");
  const local = (type: string, fallback: string): string | null => {
    const r = rels.find((x) => x.type === type && !x.external && parts.has(x.target));
    if (r) return r.target;
    const f = `${dirOf(part) === "" ? "" : `${dirOf(part)}/`}${fallback}`;
    return parts.has(f) ? f : null;
  };
  book.sharedStrings = local("sharedstrings", "sharedStrings.xml");
  book.styles = local("styles", "styles.xml");
  return { part, book };
}

/** Shared strings as canonical `<si>` elements (text kept as written: exceljs decodes `_xHHHH_`). */
function readSharedStrings(parts: Parts, part: string, limits: PackageLimits): string[] {
  const bytes = parts.read(part);
  if (!bytes) return [];
  const out: string[] = [];
  let inSi = false;
  let depthPhonetic = 0;
  let inT = false;
  let text = "";
  parseXml(part, bytes, {
    open(tag) {
      if (isMain(tag, "si")) {
        if (out.length >= limits.sharedStrings)
          throw new PackageError(`holds more than ${limits.sharedStrings.toLocaleString("en-US")} shared strings (the limit); it is not a goal workbook`);
        inSi = true;
        text = "";
      } else if (inSi && isMain(tag, "rPh")) depthPhonetic++;
      else if (inSi && depthPhonetic === 0 && isMain(tag, "t")) inT = true;
    },
    close(tag) {
      if (isMain(tag, "si")) {
        inSi = false;
        out.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
      } else if (isMain(tag, "rPh")) depthPhonetic = Math.max(0, depthPhonetic - 1);
      else if (isMain(tag, "t")) inT = false;
    },
    text(t) {
      if (inT) text += t;
    },
  });
  return out;
}

/** The number formats and each cell style's format: all the reader needs of styles.xml (dates). */
function readStyles(parts: Parts, part: string | null): string {
  const formats: string[] = [];
  const xfs: string[] = [];
  const bytes = part ? parts.read(part) : null;
  if (part && bytes) {
    let inCellXfs = false;
    parseXml(part, bytes, {
      open(tag) {
        if (isMain(tag, "numFmt")) {
          const id = Number(attr(tag, "numFmtId"));
          const code = attr(tag, "formatCode");
          if (Number.isInteger(id) && id >= 0 && code !== undefined) formats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
        } else if (isMain(tag, "cellXfs")) inCellXfs = true;
        else if (inCellXfs && isMain(tag, "xf")) {
          const id = Number(attr(tag, "numFmtId") ?? "0");
          xfs.push(`<xf numFmtId="${Number.isInteger(id) && id >= 0 ? id : 0}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
        }
      },
      close(tag) {
        if (isMain(tag, "cellXfs")) inCellXfs = false;
      },
    });
  }
  if (xfs.length === 0) xfs.push(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    (formats.length > 0 ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>` : "") +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CELL_TYPES = new Set(["s", "n", "b", "e", "str", "inlineStr", "d"]);

interface SheetCells {
  rows: string;
  lastRow: number;
  lastColumn: number;
  tableParts: string[];
}

/** A worksheet's cells as canonical markup: only cells with a value or a formula, `r` on every row and cell. */
function readSheet(parts: Parts, part: string, shared: string[], sharedCount: number, counter: { cells: number }, limits: PackageLimits): SheetCells {
  const bytes = parts.read(part);
  const result: SheetCells = { rows: "", lastRow: 0, lastColumn: 0, tableParts: [] };
  if (!bytes) return result;
  const rels = new Map(readRels(parts, part).map((r) => [r.id, r]));
  const out: string[] = [];
  let inData = false;
  let row = 0;
  let rowOpen = false;
  let col = 0;
  let cell: { t: string; s: string; v: string | null; f: string | null; fAttrs: string; text: string | null } | null = null;
  let inV = false;
  let inF = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  const fail = (what: string) => new PackageError(`is damaged: ${part} has ${what}; open it in Excel and save it again`);
  parseXml(part, bytes, {
    open(tag) {
      if (!MAIN_NS.has(tag.uri)) return;
      if (tag.local === "sheetData") inData = true;
      else if (tag.local === "tablePart") {
        const rel = rels.get(relAttr(tag, "id") ?? "");
        if (rel && !rel.external && rel.type === "table") result.tableParts.push(rel.target);
      } else if (!inData) return;
      else if (tag.local === "row") {
        const r = attr(tag, "r");
        const n = r === undefined ? row + 1 : Number(r);
        if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) throw fail(`a row outside the sheet (row ${r ?? n})`);
        row = n;
        col = 0;
        if (rowOpen) out.push("</row>");
        rowOpen = false;
      } else if (tag.local === "c") {
        const r = attr(tag, "r");
        const at = r === undefined ? { row: Math.max(row, 1), col: col + 1 } : cellRef(r);
        if (!at || at.col < 1 || at.col > MAX_COLUMNS || at.row < 1 || at.row > MAX_ROWS) throw fail(`a cell outside the sheet (${r ?? "?"})`);
        if (at.row !== row) {
          if (rowOpen) out.push("</row>");
          rowOpen = false;
          row = at.row;
        }
        col = at.col;
        const t = attr(tag, "t") ?? "n";
        cell = { t: CELL_TYPES.has(t) ? t : "n", s: attr(tag, "s") ?? "", v: null, f: null, fAttrs: "", text: null };
      } else if (cell && tag.local === "v") {
        inV = true;
        cell.v = "";
      } else if (cell && tag.local === "f") {
        inF = true;
        cell.f = "";
        let a = "";
        for (const k of ["t", "ref", "si"]) {
          const v = attr(tag, k);
          if (v !== undefined) a += ` ${k}="${escapeXml(v)}"`;
        }
        cell.fAttrs = a;
      } else if (cell && tag.local === "is") {
        inIs = true;
        cell.text = "";
      } else if (inIs && tag.local === "rPh") phonetic++;
      else if (inIs && phonetic === 0 && tag.local === "t") inT = true;
    },
    close(tag) {
      if (!MAIN_NS.has(tag.uri)) return;
      if (tag.local === "sheetData") inData = false;
      else if (tag.local === "v") inV = false;
      else if (tag.local === "f") inF = false;
      else if (tag.local === "is") inIs = false;
      else if (tag.local === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (tag.local === "t") inT = false;
      else if (tag.local === "c" && cell) {
        const c = cell;
        cell = null;
        if (c.t === "inlineStr" && c.f === null && (c.text ?? c.v) !== null) {
          // An inline string becomes a shared one, so that exceljs reads it (and its `_xHHHH_` escapes) the same way.
          if (shared.length >= limits.sharedStrings)
            throw new PackageError(`holds more than ${limits.sharedStrings.toLocaleString("en-US")} shared strings (the limit); it is not a goal workbook`);
          shared.push(`<si><t xml:space="preserve">${escapeXml(c.text ?? c.v ?? "")}</t></si>`);
          c.t = "s";
          c.v = String(shared.length - 1);
        }
        const markup = cellMarkup(c, shared.length);
        if (markup === null) return;
        if (++counter.cells > limits.cells)
          throw new PackageError(`holds more than ${limits.cells.toLocaleString("en-US")} cells with values (the limit); split it into smaller workbooks`);
        if (!rowOpen) out.push(`<row r="${row}">`);
        rowOpen = true;
        out.push(`<c r="${columnLetters(col - 1)}${row}"${c.s !== "" && /^\d+$/.test(c.s) ? ` s="${c.s}"` : ""}${markup}</c>`);
        if (row > result.lastRow) result.lastRow = row;
        if (col > result.lastColumn) result.lastColumn = col;
      }
    },
    text(t) {
      if (!cell) return;
      if (inV) cell.v += t;
      else if (inF) cell.f += t;
      else if (inT && cell.text !== null) cell.text += t;
    },
  });
  if (rowOpen) out.push("</row>");
  result.rows = out.join("");
  return result;
}

/** The rest of a canonical `<c …>`: type attribute, `>` and content; null when the cell holds nothing. */
function cellMarkup(c: { t: string; v: string | null; f: string | null; fAttrs: string; text: string | null }, sharedCount: number): string | null {
  const f = c.f !== null && (c.f !== "" || c.fAttrs.includes('t="shared"')) ? `<f${c.fAttrs}>${escapeXml(c.f)}</f>` : "";
  switch (c.t) {
    case "s": {
      const i = Number((c.v ?? "").trim());
      if (c.v === null || !Number.isInteger(i) || i < 0 || i >= sharedCount) return f === "" ? null : `>${f}`;
      return ` t="s">${f}<v>${i}</v>`;
    }
    case "inlineStr": {
      const text = c.text ?? c.v;
      if (text === null) return f === "" ? null : `>${f}`;
      return f === "" ? ` t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is>` : ` t="str">${f}<v>${escapeXml(text)}</v>`;
    }
    case "str":
      return c.v === null && f === "" ? null : ` t="str">${f}${c.v === null ? "" : `<v>${escapeXml(c.v)}</v>`}`;
    case "b":
    case "e":
      return c.v === null ? (f === "" ? null : `>${f}`) : ` t="${c.t}">${f}<v>${escapeXml(c.v.trim())}</v>`;
    case "d": {
      // ISO 8601 date cells (Strict files, some writers): exceljs reads them as text, so they are kept as such.
      if (c.v === null) return f === "" ? null : `>${f}`;
      return ` t="str">${f}<v>${escapeXml(c.v.trim())}</v>`;
    }
    default: {
      const v = (c.v ?? "").trim();
      if (v === "") return f === "" ? null : `>${f}`;
      // A number that is not a number (some writers put text there) is kept as text.
      return Number.isFinite(Number(v)) ? `>${f}<v>${v}</v>` : ` t="str">${f}<v>${escapeXml(v)}</v>`;
    }
  }
}

interface Table {
  name: string;
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

function readTable(parts: Parts, part: string): Table | null {
  const bytes = parts.read(part);
  if (!bytes) return null;
  let table: Table | null = null;
  parseXml(part, bytes, {
    open(tag) {
      if (isMain(tag, "table")) {
        const header = attr(tag, "headerRowCount");
        const totals = attr(tag, "totalsRowCount");
        table = {
          name: attr(tag, "displayName") ?? attr(tag, "name") ?? "",
          ref: attr(tag, "ref") ?? "",
          // The format's default is one header row; Excel and XlsxWriter leave the attribute out.
          headerRowCount: header === undefined ? 1 : Number(header) > 0 ? 1 : 0,
          totalsRowCount: totals !== undefined && Number(totals) > 0 ? 1 : 0,
          columns: [],
        };
      } else if (table && isMain(tag, "tableColumn")) table.columns.push(attr(tag, "name") ?? "");
    },
  });
  return table;
}

/** A table's ref clamped to the sheet and to the cells present; null when it is not a range. */
export function clampTableRef(
  t: { ref: string; headerRowCount: number; totalsRowCount: number },
  lastRow: number,
  lastColumn: number,
): { ref: string; totalsRowCount: number; width: number } | null {
  const x = parseCellRange(t.ref.trim());
  if (!x) return null;
  const top = Math.min(x.r0 + 1, MAX_ROWS);
  const left = Math.min(x.c0 + 1, MAX_COLUMNS);
  let bottom = Math.min(x.r1 + 1, MAX_ROWS);
  let right = Math.min(x.c1 + 1, MAX_COLUMNS);
  let totalsRowCount = t.totalsRowCount;
  const minBottom = top + t.headerRowCount - 1;
  if (bottom > Math.max(lastRow, minBottom)) {
    // Rows past the last cell present hold nothing, a totals row included.
    bottom = Math.max(lastRow, minBottom, top);
    totalsRowCount = 0;
  }
  if (right > Math.max(lastColumn, left)) right = Math.max(lastColumn, left);
  return { ref: `${columnLetters(left - 1)}${top}:${columnLetters(right - 1)}${bottom}`, totalsRowCount, width: right - left + 1 };
}

function readModified(parts: Parts): string | null {
  const rel = readRels(parts, "").find((r) => r.type === "core-properties" && !r.external);
  const part = rel && parts.has(rel.target) ? rel.target : "docProps/core.xml";
  const bytes = parts.read(part);
  if (!bytes) return null;
  let inModified = false;
  let text = "";
  try {
    parseXml(part, bytes, {
      open(tag) {
        if (tag.local === "modified") inModified = true;
      },
      close(tag) {
        if (tag.local === "modified") inModified = false;
      },
      text(t) {
        if (inModified) text += t;
      },
    });
  } catch (e) {
    // Document properties are not needed to read the goals: a damaged core.xml gives no modified time.
    if (e instanceof PackageError && /not well-formed/.test(e.reason)) return null;
    throw e;
  }
  const d = new Date(text.trim());
  return text.trim() !== "" && Number.isFinite(d.getTime()) ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** Reads the archive with limits and builds the canonical package exceljs reads. */
export function normalisePackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): NormalisedPackage {
  if (bytes.length > limits.fileBytes)
    throw new PackageError(
      `is ${Math.round(bytes.length / 2 ** 20).toLocaleString("en-US")} MB, more than the ${Math.round(limits.fileBytes / 2 ** 20)} MB a goal workbook may be; split it into smaller workbooks`,
    );
  const parts = new Parts(bytes, readDirectory(bytes, limits), limits);
  const { book } = readWorkbookPart(parts, limits);
  const shared = book.sharedStrings ? readSharedStrings(parts, book.sharedStrings, limits) : [];
  const files: Record<string, Uint8Array> = {};
  const enc = new TextEncoder();
  const put = (name: string, text: string) => (files[name] = enc.encode(text));
  put(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put("xl/styles.xml", readStyles(parts, book.styles));
  const counter = { cells: 0 };
  const sheets: NormalisedPackage["sheets"] = [];
  const clamped: string[] = [];
  const sheetEntries: string[] = [];
  const bookRels: string[] = [
    `<Relationship Id="rIdStyles" Type="${RELS}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rIdStrings" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>`,
  ];
  const names = new Set<string>();
  let tableNo = 0;
  const tableNames = new Set<string>();
  book.sheets.forEach((def, i) => {
    const n = i + 1;
    const cells = readSheet(parts, def.part, shared, shared.length, counter, limits);
    let name = def.name.trim() === "" ? `Sheet${n}` : def.name;
    for (let k = 2; names.has(name.toLowerCase()); k++) name = `${def.name} (${k})`;
    names.add(name.toLowerCase());
    sheets.push({ name, lastRow: cells.lastRow, lastColumn: cells.lastColumn });
    const tableParts: string[] = [];
    const sheetRels: string[] = [];
    for (const tp of cells.tableParts) {
      const t = readTable(parts, tp);
      if (!t || t.name === "" || tableNames.has(t.name.toLowerCase())) continue;
      const box = clampTableRef(t, cells.lastRow, cells.lastColumn);
      if (!box) continue;
      if (++tableNo > limits.tables)
        throw new PackageError(`holds more than ${limits.tables.toLocaleString("en-US")} tables (the limit); it is not a goal workbook`);
      tableNames.add(t.name.toLowerCase());
      if (box.ref !== t.ref.toUpperCase().replace(/\$/g, "")) clamped.push(`${t.name}: ${t.ref} → ${box.ref}`);
      const columns: string[] = [];
      const seen = new Set<string>();
      for (let c = 0; c < box.width; c++) {
        let cn = (t.columns[c] ?? "").trim() || `Column${c + 1}`;
        for (let k = 2; seen.has(cn.toLowerCase()); k++) cn = `${(t.columns[c] ?? "").trim() || "Column"}${k}`;
        seen.add(cn.toLowerCase());
        columns.push(`<tableColumn id="${c + 1}" name="${escapeXml(cn)}"/>`);
      }
      put(
        `xl/tables/table${tableNo}.xml`,
        `${XML_HEAD}<table xmlns="${MAIN}" id="${tableNo}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${box.ref}" headerRowCount="${t.headerRowCount}"` +
          `${box.totalsRowCount ? ` totalsRowCount="1"` : ` totalsRowShown="0"`}><tableColumns count="${box.width}">${columns.join("")}</tableColumns></table>`,
      );
      sheetRels.push(`<Relationship Id="rIdT${tableNo}" Type="${RELS}/table" Target="../tables/table${tableNo}.xml"/>`);
      tableParts.push(`<tablePart r:id="rIdT${tableNo}"/>`);
    }
    put(
      `xl/worksheets/sheet${n}.xml`,
      `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetData>${cells.rows}</sheetData>` +
        (tableParts.length > 0 ? `<tableParts count="${tableParts.length}">${tableParts.join("")}</tableParts>` : "") +
        `</worksheet>`,
    );
    if (sheetRels.length > 0)
      put(`xl/worksheets/_rels/sheet${n}.xml.rels`, `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">${sheetRels.join("")}</Relationships>`);
    const state = def.state === "hidden" || def.state === "veryHidden" ? ` state="${def.state}"` : "";
    sheetEntries.push(`<sheet name="${escapeXml(name)}" sheetId="${n}"${state} r:id="rIdS${n}"/>`);
    bookRels.push(`<Relationship Id="rIdS${n}" Type="${RELS}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
  });
  put("xl/sharedStrings.xml", `${XML_HEAD}<sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">${shared.join("")}</sst>`);
  put(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><workbookPr${book.date1904 ? ` date1904="1"` : ""}/><sheets>${sheetEntries.join("")}</sheets></workbook>`,
  );
  put("xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">${bookRels.join("")}</Relationships>`);
  const modified = readModified(parts);
  if (modified)
    put(
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`,
    );
  return { zip: zipSync(files, { level: 0 }), date1904: book.date1904, sheets, clamped };
}
