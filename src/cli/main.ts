/**
 * The command line (cli.md): `goal-scorecards score | validate | verify | consolidate | init`.
 * `main` returns the exit status and never throws: bad usage and unreadable files
 * give one line on stderr and status 2, never a stack trace.
 */
import { USAGE, parseArgs } from "./args";
import { consolidate, checkOut, consolidateJson, consolidateText } from "./consolidate";
import { FileError, UsageError, oneLine } from "./errors";
import { initWorkbook } from "./init";
import { CliIO, fileProgress, withProgress } from "./io";
import { SourceWorkbook, readWorkbook } from "./read";
import { COLOUR, Style, printable, styleFor } from "./render";
import { evaluateWorkbook, parseAsOf, scoreJson, scoreText, summary, validateJson, validateText } from "./score";
import { verifyJson, verifyOk, verifyText, verifyWorkbook } from "./verify";

export const PROGRAM = "goal-scorecards";
export const VERSION = "0.1.0";

function json(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Text for a person: control characters from the files escaped (colour codes kept on a terminal). */
function lines(io: CliIO, text: readonly string[], style: Style): void {
  io.out(`${printable(text.join("\n"), { colour: style === COLOUR })}\n`);
}

/** The file a command is working on, so that any error names it. */
interface Context {
  file: string | null;
}

/** Reads a workbook; anything exceljs throws while its tables are read names the file too. */
export async function readNamed(file: string, cwd: string, sheet: string | undefined): Promise<SourceWorkbook> {
  try {
    return await readWorkbook(file, cwd, { sheet });
  } catch (e) {
    if (e instanceof FileError || e instanceof UsageError) throw e;
    throw new FileError(file, `cannot be read as a workbook (${oneLine(e instanceof Error ? e.message : String(e)).slice(0, 200) || "unknown error"})`);
  }
}

async function read(io: CliIO, ctx: Context, file: string, sheet: string | undefined): Promise<SourceWorkbook> {
  ctx.file = file;
  return withProgress(io, file, () => readNamed(file, io.cwd, sheet));
}

async function run(io: CliIO, argv: readonly string[], ctx: Context): Promise<number> {
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
  switch (command) {
    case "score": {
      const asOf = parseAsOf(options.get("as-of"), io.now());
      const wb = await read(io, ctx, files[0], sheet);
      const { evaluation, grouping } = evaluateWorkbook(wb, { asOf, by: options.get("by"), missing: options.get("missing") === "zero" ? "zero" : "exclude" });
      if (asJson) json(io, scoreJson(evaluation));
      else lines(io, scoreText(wb, evaluation, grouping, style), style);
      return 0;
    }
    case "validate": {
      const asOf = parseAsOf(options.get("as-of"), io.now());
      const wb = await read(io, ctx, files[0], sheet);
      const { evaluation } = evaluateWorkbook(wb, { asOf });
      if (asJson) json(io, validateJson(evaluation));
      else lines(io, validateText(wb, evaluation, style), style);
      return summary(evaluation).fail > 0 ? 1 : 0;
    }
    case "verify": {
      const wb = await read(io, ctx, files[0], sheet);
      const result = await verifyWorkbook(wb);
      if (asJson) json(io, verifyJson(result));
      else lines(io, verifyText(wb, result, style), style);
      return verifyOk(result) ? 0 : 1;
    }
    case "consolidate": {
      const out = options.get("out") as string;
      await checkOut(out, files, io.cwd);
      // One input in memory at a time: each is read when consolidate asks for it.
      const progress = fileProgress(io, files.length);
      const readOne = async (f: string, i: number) => {
        ctx.file = f;
        progress.update(i, f);
        return readNamed(f, io.cwd, sheet);
      };
      const result = await consolidate(files, readOne, {
        out,
        preferNewest: options.get("prefer") === "newest",
        cwd: io.cwd,
        now: io.now(),
        writing: (work) => {
          progress.end();
          ctx.file = out;
          return withProgress(io, out, work, "Writing");
        },
      }).finally(() => progress.end());
      if (asJson) json(io, consolidateJson(result));
      else lines(io, consolidateText(result, style), style);
      return result.conflicts.length > 0 ? 1 : 0;
    }
    case "init": {
      const out = options.get("out") as string;
      ctx.file = out;
      await initWorkbook(out, io.cwd, io.now());
      io.out(`Wrote ${printable(out)}: an empty Goals table (with validation lists), a CheckIns table and the metadata sheet (cycle state Draft).\n`);
      return 0;
    }
  }
}

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const ctx: Context = { file: null };
  const say = (text: string) => printable(oneLine(text), { inline: true });
  try {
    return await run(io, argv, ctx);
  } catch (e) {
    if (e instanceof FileError) io.err(`${PROGRAM}: ${say(e.file)}: ${say(e.reason)}\n`);
    else if (e instanceof UsageError) io.err(`${PROGRAM}: ${say(e.message)}\n`);
    else {
      const message = say(e instanceof Error ? e.message : String(e)) || "unknown";
      io.err(ctx.file === null ? `${PROGRAM}: unexpected error: ${message}\n` : `${PROGRAM}: ${say(ctx.file)}: unexpected error: ${message}\n`);
    }
    return 2;
  }
}
