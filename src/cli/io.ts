import { printable } from "./render";

/** What a command touches of the outside world, so that tests can run it in-process. */
export interface CliIO {
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now(): Date;
  /** A file still being read after this many milliseconds gets a progress line on stderr. */
  progressDelayMs: number;
}

/**
 * Runs `work`; if it is not done within `io.progressDelayMs`, writes `Reading FILE …`
 * on stderr (on a terminal, the line is cleared again when the work is done).
 */
export async function withProgress<T>(io: CliIO, file: string, work: () => Promise<T>, verb = "Reading"): Promise<T> {
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    const name = printable(file, { inline: true });
    io.err(io.stderrIsTTY ? `${verb} ${name} …` : `${verb} ${name} …\n`);
  }, io.progressDelayMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    if (shown && io.stderrIsTTY) io.err("\r\x1b[K");
  }
}
