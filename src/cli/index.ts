/** Entry point of the `goal-scorecards` bin (bin/goal-scorecards.js requires the built file). */
import { main } from "./main";
import { oneLine } from "./errors";
import { printable } from "./render";

/** Last line of defence: whatever escapes is one line on stderr and exit 2, never a stack trace. */
function fatal(e: unknown): void {
  process.stderr.write(`goal-scorecards: unexpected error: ${printable(oneLine(e instanceof Error ? e.message : String(e)), { inline: true }) || "unknown"}\n`);
  process.exit(2);
}

export function runCli(argv: readonly string[] = process.argv.slice(2)): void {
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  // `goal-scorecards score x.xlsx | head` closes stdout early: stop quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" ? process.exit(process.exitCode ?? 0) : fatal(e)));
  main(argv, {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    progressDelayMs: 1000,
  }).then((code) => {
    process.exitCode = code;
  }, fatal);
}
