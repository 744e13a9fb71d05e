/**
 * Hostile and unusual packages, generated here (nothing large is committed): declared
 * ranges far beyond the cells present, zip bombs, and the markup other writers use
 * (absolute targets, namespace prefixes, date1904="true", no headerRowCount). Each is
 * read within bounds or refused in one line naming the file.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { strFromU8, unzipSync } from "fflate";
import { Workbook } from "exceljs";
import { readWorkbook } from "../../src/cli/read";
import { DEFAULT_LIMITS, PackageError, clampTableRef, normalisePackage, resolveTarget } from "../../src/cli/package";
import { goal, run, runJson, tmpDir, utc, writeFixture } from "./helpers";
import { goalRecords, checkInRecords } from "../../src/core/tables";

interface ZipPart {
  /** Deflated (raw) bytes, or stored bytes when `stored`. */
  data: Buffer;
  stored?: boolean;
}

/** A zip of the given parts, their data already deflated (or stored), as a writer of zip bombs would make it. */
function zipOf(parts: Record<string, ZipPart>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, p] of Object.entries(parts)) {
    const nameB = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt16LE(nameB.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.stored ? 0 : 8, 10);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(0xffff, 24); // the declared size is not believed anyway
    central.writeUInt16LE(nameB.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameB, p.data);
    centrals.push(central, nameB);
    offset += 30 + nameB.length + p.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function deflated(text: string): ZipPart {
  return { data: zlib.deflateRawSync(Buffer.from(text)) };
}

/**
 * `head`, then `chunk` repeated to about `bytes`, then `tail`, as one deflate stream that
 * is never held inflated: each piece is compressed on its own up to a full flush (so it
 * stands alone), and the compressed chunk is repeated.
 */
function deflatedRepeat(head: string, chunk: string, bytes: number, tail: string): ZipPart {
  const piece = (text: string | Buffer, last = false) =>
    zlib.deflateRawSync(text, { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor(2 ** 20 / chunk.length))));
  const packed = piece(block);
  const n = Math.ceil(bytes / block.length);
  return { data: Buffer.concat([piece(head), ...new Array<Buffer>(n).fill(packed), piece(tail, true)]) };
}

/** The parts of a workbook the project writes, as text, to be changed and zipped again. */
async function partsOf(file: string): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await fs.readFile(file)));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => !n.endsWith("/"))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

function zipText(parts: Record<string, string>, extra: Record<string, ZipPart> = {}): Buffer {
  const out: Record<string, ZipPart> = {};
  for (const [n, t] of Object.entries(parts)) out[n] = deflated(t);
  return zipOf({ ...out, ...extra });
}

const GOALS = [goal("G-1"), goal("G-2", { due: utc("2026-11-30") })];
const CHECKINS = [{ goalId: "G-1", date: utc("2026-03-31"), value: 45 }];

let dir: string;
let base: Record<string, string>;
beforeAll(async () => {
  dir = await tmpDir();
  await writeFixture(path.join(dir, "base.xlsx"), { goals: GOALS, checkIns: CHECKINS });
  base = await partsOf(path.join(dir, "base.xlsx"));
});

async function write(name: string, bytes: Buffer): Promise<string> {
  await fs.writeFile(path.join(dir, name), bytes);
  return name;
}

function expectRefused(r: { code: number; out: string; err: string }, file: string, reason: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.split("\n")).toHaveLength(2);
  expect(r.err.startsWith(`goal-scorecards: ${file}: `)).toBe(true);
  expect(r.err).toMatch(reason);
}

describe("declared ranges are clamped to the cells present", () => {
  test("a Goals table that claims A1:T99999999 reads its two goals", async () => {
    const parts = { ...base };
    const table = Object.keys(parts).find((n) => /tables\/table1\.xml$/.test(n)) as string;
    parts[table] = parts[table].replace(/ref="A1:T3"/g, 'ref="A1:T99999999"');
    expect(parts[table]).toContain("A1:T99999999");
    const file = await write("huge-ref.xlsx", zipText(parts));
    const wb = await readWorkbook(file, dir);
    expect(goalRecords(wb.input).map((g) => g.values.id)).toEqual(["G-1", "G-2"]);
    expect(wb.sources.map((s) => [s.kind, s.table.rows.length])).toEqual([["table", 2]]);
  });

  test("clampTableRef: to the sheet's limits and the last cell; a totals row past the cells goes", () => {
    expect(clampTableRef({ ref: "A1:T99999999", headerRowCount: 1, totalsRowCount: 0 }, 5, 20)?.ref).toBe("A1:T5");
    expect(clampTableRef({ ref: "B2:ZZZ9", headerRowCount: 1, totalsRowCount: 1 }, 4, 3)).toEqual({ ref: "B2:C4", totalsRowCount: 0, width: 2 });
    expect(clampTableRef({ ref: "A1:C9", headerRowCount: 1, totalsRowCount: 1 }, 9, 3)).toEqual({ ref: "A1:C9", totalsRowCount: 1, width: 3 });
    // An empty sheet keeps the header row (no data rows), as `init` then `score` expects.
    expect(clampTableRef({ ref: "A1:T2", headerRowCount: 1, totalsRowCount: 0 }, 0, 0)?.ref).toBe("A1:A1");
    expect(clampTableRef({ ref: "nonsense", headerRowCount: 1, totalsRowCount: 0 }, 5, 5)).toBeNull();
  });

  test("a plain CheckIns sheet with a stray cell at XFD1 reads five columns, not 16,384", async () => {
    const wb = new Workbook();
    const g = wb.addWorksheet("Goals");
    g.addTable({
      name: "Goals",
      ref: "A1",
      columns: [{ name: "ID" }, { name: "Title" }, { name: "Owner" }],
      rows: [["G-1", "Grow the business in Europe", "Ann"]],
    });
    const c = wb.addWorksheet("CheckIns");
    c.addRow(["Goal ID", "Date", "Value", "Confidence", "Comment"]);
    c.getCell("XFD1").value = "stray";
    for (let i = 0; i < 3000; i++) c.addRow(["G-1", utc("2026-03-31"), i, 0.5, "ok"]);
    await wb.xlsx.writeFile(path.join(dir, "xfd1.xlsx"));
    const read = await readWorkbook("xfd1.xlsx", dir);
    expect(read.checkIns?.headers).toEqual(["Goal ID", "Date", "Value", "Confidence", "Comment"]);
    expect(checkInRecords(read.input)).toHaveLength(3000);
  });
});

describe("zip bombs are refused while inflating", () => {
  test("an 800 KB part of 20 million shared strings", async () => {
    const sst = deflatedRepeat(
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
      "<si><t>a</t></si>",
      20_000_000 * 17,
      "</sst>",
    );
    expect(sst.data.length).toBeLessThan(3 * 2 ** 20);
    const parts = { ...base };
    delete parts["xl/sharedStrings.xml"];
    const file = await write("strings-bomb.xlsx", zipText(parts, { "xl/sharedStrings.xml": sst }));
    expectRefused(await run(["score", file], { cwd: dir }), file, /xl\/sharedStrings\.xml inflates more than 100 times its packed size \(a zip bomb\)/);
  });

  test("a 2 MB sheet that inflates to 2 GB", async () => {
    const sheet = Object.keys(base).find((n) => /worksheets\/sheet1\.xml$/.test(n)) as string;
    const bomb = deflatedRepeat(base[sheet].replace(/<\/sheetData>[\s\S]*$/, ""), " ", 2 * 2 ** 30, "</sheetData></worksheet>");
    expect(bomb.data.length).toBeLessThan(4 * 2 ** 20);
    const parts = { ...base };
    delete parts[sheet];
    const file = await write("sheet-bomb.xlsx", zipText(parts, { [sheet]: bomb }));
    expectRefused(await run(["validate", file], { cwd: dir }), file, /inflates more than 100 times its packed size/);
  });

  test("limits on one part, on all parts, on cells and shared strings (small limits, same code)", async () => {
    const bytes = new Uint8Array(await fs.readFile(path.join(dir, "base.xlsx")));
    const reason = (limits: Partial<typeof DEFAULT_LIMITS>): string => {
      try {
        normalisePackage(bytes, { ...DEFAULT_LIMITS, ...limits });
        return "read";
      } catch (e) {
        if (e instanceof PackageError) return e.reason;
        throw e;
      }
    };
    expect(reason({})).toBe("read");
    expect(reason({ partBytes: 1000 })).toMatch(/inflates to more than 0 MB \(the limit for one part\)/);
    expect(reason({ totalBytes: 3000 })).toMatch(/inflates to more than 0 MB in all \(the limit\)/);
    expect(reason({ ratio: 1, ratioFloor: 100 })).toMatch(/inflates more than 1 times its packed size/);
    expect(reason({ cells: 10 })).toBe("holds more than 10 cells with values (the limit); split it into smaller workbooks");
    expect(reason({ sharedStrings: 5 })).toBe("holds more than 5 shared strings (the limit); it is not a goal workbook");
    expect(reason({ entries: 3 })).toMatch(/^holds \d+ parts \(the limit is 3\)/);
    expect(reason({ fileBytes: 100 })).toMatch(/MB a goal workbook may be/);
  });

  test("a cell outside the sheet is refused, naming the part", async () => {
    const sheet = Object.keys(base).find((n) => /worksheets\/sheet1\.xml$/.test(n)) as string;
    const parts = { ...base, [sheet]: base[sheet].replace("<sheetData>", '<sheetData><row r="99999999"><c r="A99999999"><v>1</v></c></row>') };
    const file = await write("row-out.xlsx", zipText(parts));
    expectRefused(await run(["score", file], { cwd: dir }), file, /is damaged: xl\/worksheets\/sheet1\.xml has a row outside the sheet \(row 99999999\)/);
  });
});

describe("other writers' markup", () => {
  test("absolute relationship targets (openpyxl)", async () => {
    const parts: Record<string, string> = {};
    for (const [n, t] of Object.entries(base)) {
      if (!n.endsWith(".rels")) parts[n] = t;
      else {
        const from = n.replace(/_rels\/([^/]+)\.rels$/, "$1");
        parts[n] = t.replace(/Target="([^"]+)"/g, (_m, target: string) => `Target="/${resolveTarget(from, target)}"`);
      }
    }
    expect(parts["xl/worksheets/_rels/sheet1.xml.rels"]).toContain('Target="/xl/tables/table1.xml"');
    const file = await write("absolute.xlsx", zipText(parts));
    const wb = await readWorkbook(file, dir);
    expect(goalRecords(wb.input).map((g) => g.values.id)).toEqual(["G-1", "G-2"]);
    expect(checkInRecords(wb.input)).toHaveLength(1);
  });

  test("namespace-prefixed XML (<x:worksheet>, the Open XML SDK)", async () => {
    const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const prefixed = (t: string) => t.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, "<$1x:$2").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    const parts: Record<string, string> = {};
    for (const [n, t] of Object.entries(base)) parts[n] = n.startsWith("xl/") && n.endsWith(".xml") && t.includes(`xmlns="${MAIN}"`) ? prefixed(t) : t;
    expect(parts["xl/worksheets/sheet1.xml"]).toMatch(/<x:worksheet [^>]*xmlns:x=/);
    expect(parts["xl/workbook.xml"]).toContain("<x:sheets>");
    const file = await write("prefixed.xlsx", zipText(parts));
    const wb = await readWorkbook(file, dir);
    expect(goalRecords(wb.input).map((g) => g.values.id)).toEqual(["G-1", "G-2"]);
    expect(checkInRecords(wb.input)).toHaveLength(1);
  });

  test('date1904="true" (LibreOffice) is the 1904 system', async () => {
    await writeFixture(path.join(dir, "mac-src.xlsx"), { goals: [goal("G-1", { due: 44_925 })] }); // 2026-12-31 in the 1904 system
    const parts = await partsOf(path.join(dir, "mac-src.xlsx"));
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(/<workbookPr\b/, '<workbookPr date1904="true"');
    const file = await write("lo1904.xlsx", zipText(parts));
    const wb = await readWorkbook(file, dir);
    expect(wb.dateSystem).toBe(1904);
    const { json } = await runJson<{ findings: { code: string; message: string }[] }>(["validate", file, "--as-of", "2027-01-15"], { cwd: dir });
    expect(json.findings.find((f) => f.code === "T4")?.message).toMatch(/^Due 2026-12-31 has passed/);
  });

  test("a table without headerRowCount has one header row (the format's default)", async () => {
    const parts = { ...base };
    for (const n of Object.keys(parts)) if (/tables\/table\d+\.xml$/.test(n)) parts[n] = parts[n].replace(/\s*headerRowCount="1"/g, "");
    expect(Object.entries(parts).some(([n, t]) => /tables\//.test(n) && t.includes("headerRowCount"))).toBe(false);
    const file = await write("no-header-count.xlsx", zipText(parts));
    const wb = await readWorkbook(file, dir);
    expect(goalRecords(wb.input).map((g) => g.values.id)).toEqual(["G-1", "G-2"]);
    expect(checkInRecords(wb.input)).toHaveLength(1);
  });

  test("inline strings, a BOM, a workbook part outside xl/ and a cell without r", async () => {
    const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const cells = (r: number, values: string[]) =>
      `<row r="${r}">${values.map((v) => `<c t="inlineStr"><v>ignored</v><is><r><t>${v}</t></r><rPh><t>phonetic</t></rPh></is></c>`).join("")}</row>`;
    const parts: Record<string, string> = {
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${R}/officeDocument" Target="book.xml"/></Relationships>`,
      "book.xml": `\ufeff<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Goals" sheetId="1" r:id="s1"/></sheets></workbook>`,
      "_rels/book.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${R}/worksheet" Target="data/goals.xml"/></Relationships>`,
      "data/goals.xml": `<worksheet xmlns="${MAIN}"><sheetData>${cells(1, ["ID", "Title", "Owner"])}${cells(2, ["G-1", "Grow_x000D_ the business", "Ann"])}</sheetData></worksheet>`,
    };
    const file = await write("odd-layout.xlsx", zipText(parts));
    const wb = await readWorkbook(file, dir);
    expect(goalRecords(wb.input).map((g) => [g.values.id, g.values.title, g.values.owner])).toEqual([["G-1", "Grow\r the business", "Ann"]]);
  });
});
