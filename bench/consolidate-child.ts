/**
 * One `goal-scorecards consolidate` in a process of its own, for the benchmark:
 *   node dist-bench/bench/consolidate-child.js OUT FILE...
 * runs the command line in-process (stdout and stderr discarded) and prints one line
 * of JSON: its exit status, its wall time, and the process's peak resident memory
 * (`process.resourceUsage().maxRSS`, what /usr/bin/time reports), so that each run is
 * measured in a fresh process.
 */
import { main } from "../src/cli/main";
import { now } from "./measure";

export interface ChildFigure {
  code: number;
  ms: number;
  /** Peak resident set size of the whole process (MB). */
  peakRssMB: number;
}

async function child(): Promise<void> {
  const [out, ...files] = process.argv.slice(2);
  const start = now();
  const code = await main(["consolidate", ...files, "--out", out, "--json"], {
    out: () => undefined,
    err: () => undefined,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd: process.cwd(),
    now: () => new Date("2026-06-30T12:00:00Z"),
    progressDelayMs: 60_000,
  });
  const figure: ChildFigure = { code, ms: now() - start, peakRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

if (require.main === module) {
  child().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
