/**
 * `goal-scorecards consolidate` of many manager workbooks (quality.md: 50 and 200
 * workbooks of 300 goals and 900 check-ins each): the workbooks are written once into
 * a folder under the system's temp folder (and reused while their options stay the
 * same), then each size is consolidated in a child process of its own
 * (bench/consolidate-child.ts), which reports its time and peak resident memory.
 * The sizes run in turn (50, 200, 50, 200 …) so that both see the same machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildFigure } from "./consolidate-child";
import { median } from "./measure";
import { writeManagerWorkbook } from "./workbooks";

export interface ConsolidateBenchOptions {
  /** Numbers of workbooks to consolidate, e.g. [50, 200]. */
  files: number[];
  goalsPerFile: number;
  checkInsPerGoal: number;
  /** Runs per size, in turn. */
  runs: number;
  /** The compiled child (dist-bench/bench/consolidate-child.js). */
  child: string;
  log: (line: string) => void;
}

export interface ConsolidateFigure {
  files: number;
  goals: number;
  checkIns: number;
  medianMs: number;
  minMs: number;
  /** Peak resident memory of the child process, the largest of its runs (MB). */
  peakRssMB: number;
  runs: number;
  code: number;
}

/** The folder of `count` workbooks, written if it is not there yet. */
export async function managerWorkbooks(
  count: number,
  goals: number,
  checkInsPerGoal: number,
  log: (line: string) => void,
): Promise<{ dir: string; files: string[] }> {
  const dir = join(tmpdir(), `goal-scorecards-bench-consolidate-${goals}-${checkInsPerGoal}`);
  const files = Array.from({ length: count }, (_, i) => `manager-${String(i + 1).padStart(4, "0")}.xlsx`);
  const marker = join(dir, "written.json");
  const done = existsSync(marker) ? (JSON.parse(readFileSync(marker, "utf8")) as { count: number }).count : 0;
  if (done < count) {
    mkdirSync(dir, { recursive: true });
    log(`consolidate: writing ${count - done} workbooks of ${goals} goals into ${dir}`);
    for (let i = done; i < count; i++) await writeManagerWorkbook(join(dir, files[i]), { index: i + 1, goals, checkInsPerGoal });
    writeFileSync(marker, JSON.stringify({ count }));
  }
  return { dir, files };
}

function runChild(child: string, dir: string, files: readonly string[]): ChildFigure {
  const out = join(dir, "out", `merged-${files.length}.xlsx`);
  const r = spawnSync(process.execPath, [child, out, ...files], { cwd: dir, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`consolidate of ${files.length} workbooks failed (status ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as ChildFigure;
}

export async function benchConsolidate(o: ConsolidateBenchOptions): Promise<ConsolidateFigure[]> {
  const most = Math.max(...o.files);
  const { dir, files } = await managerWorkbooks(most, o.goalsPerFile, o.checkInsPerGoal, o.log);
  rmSync(join(dir, "out"), { recursive: true, force: true });
  mkdirSync(join(dir, "out"));
  const runs = new Map<number, ChildFigure[]>(o.files.map((n) => [n, []]));
  for (let r = 0; r < o.runs; r++) {
    const order = r % 2 === 0 ? o.files : [...o.files].reverse();
    for (const n of order) {
      const f = runChild(o.child, dir, files.slice(0, n));
      o.log(`consolidate ${n} workbooks: ${f.ms.toFixed(0)} ms, peak RSS ${f.peakRssMB.toFixed(0)} MB (exit ${f.code})`);
      runs.get(n)?.push(f);
    }
  }
  rmSync(join(dir, "out"), { recursive: true, force: true });
  // Each workbook also holds the two company goals (kept once in the output).
  return o.files.map((n) => {
    const list = runs.get(n) ?? [];
    return {
      files: n,
      goals: n * (o.goalsPerFile + 2),
      checkIns: n * o.goalsPerFile * o.checkInsPerGoal,
      medianMs: median(list.map((f) => f.ms)),
      minMs: Math.min(...list.map((f) => f.ms)),
      peakRssMB: Math.max(...list.map((f) => f.peakRssMB)),
      runs: list.length,
      code: list[0]?.code ?? -1,
    };
  });
}
