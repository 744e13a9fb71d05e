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

/** Progress over several files (consolidate): `update` as each file is started, `end` when all are done. */
export interface Progress {
  update(index: number, file: string): void;
  end(): void;
}

const BAR = 24;

/**
 * Once the work has taken `io.progressDelayMs`, shows which file of how many is being
 * read: on a terminal one line redrawn in place, `Reading [#####-----] 12/200 file.xlsx`
 * (cleared at the end); otherwise one line per file, `Reading 12/200 file.xlsx`.
 * Small runs print nothing.
 */
export function fileProgress(io: CliIO, total: number, verb = "Reading"): Progress {
  let active = false;
  let current: { index: number; file: string } | null = null;
  let drawn = false;
  const show = () => {
    if (!current) return;
    const n = current.index + 1;
    const name = printable(current.file, { inline: true });
    if (io.stderrIsTTY) {
      const filled = Math.round((BAR * current.index) / Math.max(1, total));
      io.err(`\r\x1b[K${verb} [${"#".repeat(filled)}${"-".repeat(BAR - filled)}] ${n}/${total} ${name}`);
      drawn = true;
    } else io.err(`${verb} ${n}/${total} ${name}\n`);
  };
  const timer = setTimeout(() => {
    active = true;
    show();
  }, io.progressDelayMs);
  return {
    update(index, file) {
      current = { index, file };
      if (active) show();
    },
    end() {
      clearTimeout(timer);
      if (drawn) io.err("\r\x1b[K");
    },
  };
}
