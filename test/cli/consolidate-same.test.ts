/**
 * `consolidate` gives the same output as the consolidation that held every input in
 * memory at once (the code before it streamed): the snapshot in
 * __snapshots__/consolidate-same.test.ts.snap was written by that code, on the set of
 * test/cli/consolidation-set.ts, and every change since is compared with it: the
 * written workbook (cells, formats, columns, views, tables, validations), the JSON
 * and the text output.
 */
import * as path from "path";
import { writeConsolidationSet, workbookSnapshot } from "./consolidation-set";
import { run, tmpDir } from "./helpers";

let dir: string;
let files: string[];
beforeAll(async () => {
  dir = await tmpDir();
  files = await writeConsolidationSet(dir);
}, 60_000);

test("--prefer newest: the written workbook, the JSON and the text as before", async () => {
  const json = await run(["consolidate", ...files, "--out", "merged.xlsx", "--prefer", "newest", "--json"], { cwd: dir });
  // Nothing on stderr but the progress lines a slow machine gets after a second (io.ts).
  expect(json.err.split("\n").filter((l) => l !== "" && !/^(Reading|Writing) /.test(l))).toEqual([]);
  expect(json.code).toBe(1);
  expect(JSON.parse(json.out)).toMatchSnapshot("json");
  expect(await workbookSnapshot(path.join(dir, "merged.xlsx"))).toMatchSnapshot("workbook");
  const text = await run(["consolidate", ...files, "--out", "merged-text.xlsx", "--prefer", "newest"], { cwd: dir });
  expect(text.code).toBe(1);
  expect(text.out).toMatchSnapshot("text");
}, 60_000);

test("without --prefer: the conflicts as before, nothing written", async () => {
  const json = await run(["consolidate", ...files, "--out", "never.xlsx", "--json"], { cwd: dir });
  expect(json.code).toBe(1);
  expect(JSON.parse(json.out)).toMatchSnapshot("json");
  const text = await run(["consolidate", ...files, "--out", "never.xlsx"], { cwd: dir });
  expect(text.out).toMatchSnapshot("text");
}, 60_000);

test("without conflicts (the manager workbooks only): the written workbook as before, exit 0", async () => {
  const managers = files.filter((f) => f.startsWith("manager-"));
  const json = await run(["consolidate", ...managers, "--out", "managers.xlsx", "--json"], { cwd: dir });
  expect(json.code).toBe(0);
  expect(JSON.parse(json.out)).toMatchSnapshot("json");
  expect(await workbookSnapshot(path.join(dir, "managers.xlsx"))).toMatchSnapshot("workbook");
}, 60_000);
