/**
 * Fixtures for the command-line tests, generated here with exceljs (no committed
 * binaries), and an in-process runner that captures stdout, stderr and the exit status.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as crypto from "crypto";
import { Workbook, Worksheet } from "exceljs";
import { COLUMN_KEYS, ColumnKey, INPUT_COLUMNS } from "../../src/core/columns";
import { AUDIT_COLUMNS, CycleState, emptyMeta, metaRows } from "../../src/core/meta";

import { AuditEntry, auditRow, nextAuditEntry, sealDocument, serializeSeal, sha256Hex } from "../../src/core/seal";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { main } from "../../src/cli/main";
import { GoalRecord, CheckInRecord } from "../../src/core/tables";

export type Goal = Partial<Record<ColumnKey, unknown>> & { [user: string]: unknown };

export const HEADERS: string[] = INPUT_COLUMNS.map((c) => c.header);

export function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A goal that passes every rule as of 2026-06-30 (Company level, one per owner). */
export function goal(id: string, overrides: Goal = {}): Goal {
  return {
    id,
    title: `Raise employee engagement score ${id}`,
    type: "Key Result",
    level: "Company",
    parent: null,
    owner: `Owner ${id}`,
    weight: 1,
    unit: "%",
    direction: "Increase",
    baseline: 40,
    threshold: null,
    target: 60,
    stretch: null,
    actual: 50,
    start: utc("2026-01-01"),
    due: utc("2026-12-31"),
    cycle: "2026",
    source: "HRIS engagement survey, quarterly average",
    rollup: "Weighted",
    comment: "Agreed in January",
    ...overrides,
  };
}

export interface CheckInFixture {
  goalId: string;
  date: Date | string;
  value: unknown;
  confidence?: number | null;
  comment?: string | null;
}

export interface WorkbookFixture {
  goals: Goal[];
  /** User columns after the input columns (their values come from goal[header]). */
  userColumns?: string[];
  checkIns?: CheckInFixture[];
  /** GoalMeta rows; default: none (no metadata sheet). */
  meta?: [string, string | number][];
  audit?: unknown[][];
  /** Write the goals as a plain range (no table) on this sheet, header on `headerRow`. */
  plainSheet?: { name: string; headerRow: number; headers?: string[] };
  tableName?: string;
  sheetName?: string;
  modified?: Date;
}

export async function tmpDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "gs-cli-"));
}

function goalCells(g: Goal, headers: readonly string[], userColumns: readonly string[]): unknown[] {
  return [...COLUMN_KEYS.map((k) => g[k] ?? null), ...userColumns.map((u) => g[u] ?? null)].slice(0, headers.length);
}

function addTable(ws: Worksheet, name: string, ref: string, headers: readonly string[], rows: unknown[][]): void {
  ws.addTable({
    name,
    ref,
    headerRow: true,
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: rows.length > 0 ? rows : [headers.map(() => null)],
  });
}

/** Builds a workbook with exceljs and writes it to `file`. */
export async function writeFixture(file: string, f: WorkbookFixture): Promise<string> {
  const wb = new Workbook();
  if (f.modified) {
    wb.created = f.modified;
    wb.modified = f.modified;
  }
  const userColumns = f.userColumns ?? [];
  const headers = [...HEADERS, ...userColumns];
  if (f.plainSheet) {
    const ws = wb.addWorksheet(f.plainSheet.name);
    const h = f.plainSheet.headers ?? headers;
    ws.getCell(1, 1).value = "Team goals 2026 (draft)";
    h.forEach((name, c) => (ws.getCell(f.plainSheet!.headerRow, c + 1).value = name));
    f.goals.forEach((g, r) => goalCells(g, h, userColumns).forEach((v, c) => (ws.getCell(f.plainSheet!.headerRow + 1 + r, c + 1).value = v as never)));
  } else {
    const ws = wb.addWorksheet(f.sheetName ?? "Goals");
    addTable(
      ws,
      f.tableName ?? "Goals",
      "A1",
      headers,
      f.goals.map((g) => goalCells(g, headers, userColumns)),
    );
  }
  if (f.checkIns) {
    const ws = wb.addWorksheet("CheckIns");
    addTable(
      ws,
      "CheckIns",
      "A1",
      ["Goal ID", "Date", "Value", "Confidence", "Comment"],
      f.checkIns.map((c) => [c.goalId, c.date, c.value, c.confidence ?? null, c.comment ?? null]),
    );
  }
  if (f.meta) {
    const ws = wb.addWorksheet("_GoalScorecards", { state: "veryHidden" });
    addTable(
      ws,
      "GoalMeta",
      "A1",
      ["Key", "Value"],
      f.meta.map(([k, v]) => [k, v === "" ? null : v]),
    );
    addTable(ws, "GoalAudit", "D1", AUDIT_COLUMNS, f.audit ?? []);
  }
  const full = path.resolve(file);
  await wb.xlsx.writeFile(full);
  return full;
}

/** Goal rows as the engine takes them, straight from the fixture values (independent of the CLI reader). */
export function inputRows(goals: readonly Goal[]): GoalRecord[] {
  return goals.map((g) => ({ values: Object.fromEntries(COLUMN_KEYS.map((k) => [k, g[k] ?? null])) }));
}

export function inputCheckIns(cs: readonly CheckInFixture[]): CheckInRecord[] {
  return cs.map((c) => ({ values: { goalId: c.goalId, date: c.date, value: c.value, confidence: c.confidence ?? null, comment: c.comment ?? null } }));
}

export interface Sealed {
  meta: [string, string | number][];
  audit: unknown[][];
  hash: string;
  entries: AuditEntry[];
}

/**
 * The metadata a sealed workbook carries (the add-in does not write seals yet): the
 * seal document and hash computed with src/core, and an audit chain (state, seal).
 */
export async function sealFor(
  goals: readonly Goal[],
  checkIns: readonly CheckInFixture[],
  cycle: string,
  state: CycleState,
  at = "2026-07-01T09:00:00Z",
): Promise<Sealed> {
  const doc = sealDocument(cycle, state, inputRows(goals), inputCheckIns(checkIns), 1900);
  const text = serializeSeal(doc);
  const hash = await sha256Hex(text);
  const e1 = await nextAuditEntry(null, {
    at,
    actor: "Dana Reyes",
    action: "state",
    goalId: null,
    field: "cycle.state",
    old: "Draft",
    new: state,
    reason: "Goals approved by the leadership team",
  });
  const e2 = await nextAuditEntry(e1, { at, actor: "Dana Reyes", action: "seal", goalId: null, field: null, old: null, new: hash, reason: null });
  const meta = emptyMeta();
  meta.cycle = { name: cycle, state, changedAt: at };
  meta.seal = { hash, at, state, doc: text };
  meta.audit = { head: e2.hash, count: 2 };
  return { meta: metaRows(meta, DEFAULT_SETTINGS), audit: [auditRow(e1), auditRow(e2)], hash, entries: [e1, e2] };
}

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

export interface RunOptions {
  cwd: string;
  tty?: boolean;
  env?: Record<string, string | undefined>;
  progressDelayMs?: number;
  now?: Date;
}

/** Runs the command line in-process. */
export async function run(args: string[], o: RunOptions): Promise<RunResult> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    stdoutIsTTY: o.tty ?? false,
    stderrIsTTY: o.tty ?? false,
    env: o.env ?? {},
    cwd: o.cwd,
    now: () => o.now ?? new Date("2026-06-30T12:00:00Z"),
    progressDelayMs: o.progressDelayMs ?? 1000,
  });
  return { code, out, err };
}

export async function runJson<T = Record<string, unknown>>(args: string[], o: RunOptions): Promise<{ code: number; json: T; err: string }> {
  const r = await run([...args, "--json"], o);
  let json: T;
  try {
    json = JSON.parse(r.out) as T;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.out}\nstderr: ${r.err}`);
  }
  return { code: r.code, json, err: r.err };
}

export async function sha(file: string): Promise<string> {
  return crypto
    .createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

/** Loads a workbook with exceljs (for checking what the CLI wrote). */
export async function load(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

// ---- A minimal zip writer (stored entries), for a zip that is not a workbook ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameB = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameB.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameB.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameB, data);
    centrals.push(central, nameB);
    offset += 30 + nameB.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(files).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * An OLE compound file (as Excel's encrypted .xlsx and old .xls are): the header, then
 * one directory sector with an entry (UTF-16 name, its length, type stream) per stream,
 * then `text` (UTF-16) as a stream's content would hold it.
 */
export function oleFile(streams: string[], text = ""): Buffer {
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head, 0);
  head.writeUInt16LE(9, 30);
  const entries = ["Root Entry", ...streams].map((s, i) => {
    const e = Buffer.alloc(128);
    Buffer.from(s, "utf16le").copy(e, 0);
    e.writeUInt16LE((s.length + 1) * 2, 64);
    e[66] = i === 0 ? 5 : 2;
    return e;
  });
  const dir = Buffer.concat(entries);
  const padded = Buffer.concat([dir, Buffer.alloc((512 - (dir.length % 512)) % 512)]);
  const body = Buffer.from(text, "utf16le");
  return Buffer.concat([head, padded, body, Buffer.alloc(1024)]);
}
