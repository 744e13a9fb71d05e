/**
 * The command line (cli.md): `goal-scorecards score | validate | verify | consolidate | init`.
 * `main` returns the exit status and never throws: bad usage and unreadable files
 * give one line on stderr and status 2, never a stack trace.
 */
import { Command, USAGE, parseArgs } from "./args";
import { consolidate, checkOut, consolidateJson, consolidateText } from "./consolidate";
import { FileError, UsageError, oneLine } from "./errors";
import { initWorkbook } from "./init";
import { CliIO, withProgress } from "./io";
import { SourceWorkbook, readWorkbook } from "./read";
import { styleFor } from "./render";
import { evaluateWorkbook, parseAsOf, scoreJson, scoreText, summary, validateJson, validateText } from "./score";
import { verifyJson, verifyOk, verifyText, verifyWorkbook } from "./verify";

export const PROGRAM = "goal-scorecards";
export const VERSION = "0.1.0";

function json(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

function lines(io: CliIO, text: readonly string[]): void {
  io.out(`${text.join("\n")}\n`);
}

async function read(io: CliIO, file: string, sheet: string | undefined): Promise<SourceWorkbook> {
  return withProgress(io, file, () => readWorkbook(file, io.cwd, { sheet }));
}

async function run(io: CliIO, argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.out(USAGE);
    return 0;
  }
  if (parsed.kind === "version") {
    io.out(`${PROGRAM} ${VERSION}\n`);
    return 0;
  }
  const { command, files, options, flags } = parsed;
  const asJson = flags.has("json");
  const style = styleFor(io.stdoutIsTTY, io.env);
  const sheet = options.get("sheet");
  switch (command as Command) {
    case "score": {
      const asOf = parseAsOf(options.get("as-of"), io.now());
      const wb = await read(io, files[0], sheet);
      const { evaluation, grouping } = evaluateWorkbook(wb, { asOf, by: options.get("by"), missing: options.get("missing") === "zero" ? "zero" : "exclude" });
      if (asJson) json(io, scoreJson(evaluation));
      else lines(io, scoreText(wb, evaluation, grouping, style));
      return 0;
    }
    case "validate": {
      const asOf = parseAsOf(options.get("as-of"), io.now());
      const wb = await read(io, files[0], sheet);
      const { evaluation } = evaluateWorkbook(wb, { asOf });
      if (asJson) json(io, validateJson(evaluation));
      else lines(io, validateText(wb, evaluation, style));
      return summary(evaluation).fail > 0 ? 1 : 0;
    }
    case "verify": {
      const wb = await read(io, files[0], sheet);
      const result = await verifyWorkbook(wb);
      if (asJson) json(io, verifyJson(result));
      else lines(io, verifyText(wb, result, style));
      return verifyOk(result) ? 0 : 1;
    }
    case "consolidate": {
      const out = options.get("out") as string;
      await checkOut(out, files, io.cwd);
      const books: SourceWorkbook[] = [];
      for (const f of files) books.push(await read(io, f, sheet));
      const result = await withProgress(io, out, () => consolidate(books, { out, preferNewest: options.get("prefer") === "newest", cwd: io.cwd, now: io.now() }), "Writing");
      if (asJson) json(io, consolidateJson(result));
      else lines(io, consolidateText(result, style));
      return result.conflicts.length > 0 ? 1 : 0;
    }
    case "init": {
      const out = options.get("out") as string;
      await initWorkbook(out, io.cwd, io.now());
      io.out(`Wrote ${out}: an empty Goals table (with validation lists), a CheckIns table and the metadata sheet (cycle state Draft).\n`);
      return 0;
    }
  }
}

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run(io, argv);
  } catch (e) {
    if (e instanceof FileError) io.err(`${PROGRAM}: ${oneLine(e.file)}: ${oneLine(e.reason)}\n`);
    else if (e instanceof UsageError) io.err(`${PROGRAM}: ${oneLine(e.message)}\n`);
    else io.err(`${PROGRAM}: unexpected error: ${oneLine(e instanceof Error ? e.message : String(e)) || "unknown"}\n`);
    return 2;
  }
}
