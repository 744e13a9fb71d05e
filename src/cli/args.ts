/**
 * Argument parsing for the five commands of cli.md. Options take their value as the
 * next argument or after `=` (`--as-of 2026-06-30`, `--as-of=2026-06-30`); `--`
 * ends the options. Anything unknown is a UsageError (exit 2).
 */
import { UsageError } from "./errors";

export const COMMANDS = ["score", "validate", "verify", "consolidate", "init"] as const;
export type Command = (typeof COMMANDS)[number];

/** Options that take a value, and flags, per command. */
const VALUE_OPTIONS: Record<Command, readonly string[]> = {
  score: ["as-of", "by", "missing", "sheet"],
  validate: ["as-of", "sheet"],
  verify: ["sheet"],
  consolidate: ["out", "prefer", "sheet"],
  init: ["out"],
};
const FLAG_OPTIONS: Record<Command, readonly string[]> = {
  score: ["json"],
  validate: ["json"],
  verify: ["json"],
  consolidate: ["json"],
  init: [],
};

export interface ParsedArgs {
  command: Command;
  files: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export type Parsed = { kind: "help"; command: Command | null } | { kind: "version" } | ({ kind: "run" } & ParsedArgs);

export const USAGE = `Usage:
  goal-scorecards score FILE [--as-of YYYY-MM-DD] [--by COLUMN] [--missing exclude|zero] [--sheet NAME] [--json]
  goal-scorecards validate FILE [--as-of YYYY-MM-DD] [--sheet NAME] [--json]
  goal-scorecards verify FILE [--sheet NAME] [--json]
  goal-scorecards consolidate FILE... --out FILE [--prefer newest] [--sheet NAME] [--json]
  goal-scorecards init --out FILE

Exit status: 0 done and clean; 1 done, and the check found problems;
2 bad usage or a file that cannot be read.
`;

function isCommand(s: string): s is Command {
  return (COMMANDS as readonly string[]).includes(s);
}

export function parseArgs(argv: readonly string[]): Parsed {
  if (argv.length === 0) throw new UsageError("no command given; try goal-scorecards --help");
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") {
    const c = rest[0];
    return { kind: "help", command: c !== undefined && isCommand(c) ? c : null };
  }
  if (first === "--version" || first === "-V") return { kind: "version" };
  if (!isCommand(first)) throw new UsageError(`unknown command '${first}'; the commands are ${COMMANDS.join(", ")}`);
  const command = first;
  const files: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (onlyFiles || !a.startsWith("-") || a === "-") {
      files.push(a);
      continue;
    }
    if (a === "--") {
      onlyFiles = true;
      continue;
    }
    if (a === "--help" || a === "-h") return { kind: "help", command };
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(a);
    if (!m) throw new UsageError(`unknown option '${a}' for ${command}; try goal-scorecards --help`);
    const name = m[1];
    if (VALUE_OPTIONS[command].includes(name)) {
      let value = m[2];
      if (value === undefined) {
        if (i + 1 >= rest.length) throw new UsageError(`--${name} needs a value`);
        value = rest[++i];
      }
      if (options.has(name)) throw new UsageError(`--${name} is given more than once`);
      options.set(name, value);
    } else if (FLAG_OPTIONS[command].includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else {
      throw new UsageError(`unknown option '--${name}' for ${command}; try goal-scorecards --help`);
    }
  }
  if (command === "init") {
    if (files.length > 0) throw new UsageError(`init takes no FILE argument ('${files[0]}'); write it with --out FILE`);
    if (!options.has("out")) throw new UsageError("init needs --out FILE");
  } else if (command === "consolidate") {
    if (files.length === 0) throw new UsageError("consolidate needs at least one FILE");
    if (!options.has("out")) throw new UsageError("consolidate needs --out FILE");
    const prefer = options.get("prefer");
    if (prefer !== undefined && prefer !== "newest") throw new UsageError(`--prefer takes 'newest', not '${prefer}'`);
  } else {
    if (files.length === 0) throw new UsageError(`${command} needs a FILE`);
    if (files.length > 1) throw new UsageError(`${command} reads one FILE at a time (got ${files.length}); run it once per file`);
  }
  const missing = options.get("missing");
  if (missing !== undefined && missing !== "exclude" && missing !== "zero") throw new UsageError(`--missing takes 'exclude' or 'zero', not '${missing}'`);
  return { kind: "run", command, files, options, flags };
}
