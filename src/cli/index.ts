/** Entry point of the `goal-scorecards` bin (bin/goal-scorecards.js requires the built file). */
import { main } from "./main";

export function runCli(argv: readonly string[] = process.argv.slice(2)): void {
  main(argv, {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    progressDelayMs: 1000,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
