/**
 * Output for a person: aligned plain-text tables, colour (plain ANSI codes) only
 * when stdout is a terminal and NO_COLOR is not set.
 */
import { Status } from "../core/columns";

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => (s === "" ? s : `\x1b[${open}m${s}\x1b[${close}m`);

export const COLOUR: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39) };
const id = (s: string) => s;
export const PLAIN: Style = { bold: id, dim: id, red: id, yellow: id, green: id };

/** Colour when stdout is a TTY and NO_COLOR is unset (or empty, as no-color.org says). */
export function styleFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  return isTTY && !noColor ? COLOUR : PLAIN;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts cursor
 * moves, screen clears, title changes), DEL, C1 controls (U+009B is a one-character
 * CSI) and the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) that
 * make text read other than it is stored. Tab and newline are left alone between lines.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_INLINE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
/** The colour codes COLOUR itself writes: the only escape sequences ever let through. */
// eslint-disable-next-line no-control-regex
const OWN_COLOUR = /(\x1b\[(?:1|2|22|31|32|33|39)m)/;

function escapeChar(c: string): string {
  if (c === "\t") return "\\t";
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Text for a terminal: every control character above shown as an escape (`\x1B`,
 * `\x9B`, `\u202E`), so that a cell can neither move the cursor, clear the screen, set
 * the title nor reorder what is shown. `inline` escapes tab and newline too (a table
 * cell, a one-line message). `colour` keeps the colour codes COLOUR writes.
 */
export function printable(text: string, o: { inline?: boolean; colour?: boolean } = {}): string {
  const re = o.inline ? CONTROL_INLINE : CONTROL;
  const clean = (part: string) => part.replace(re, escapeChar);
  if (!o.colour) return clean(text);
  // Split keeps the separators (our colour codes) at the odd positions.
  return text
    .split(OWN_COLOUR)
    .map((part, i) => (i % 2 === 1 ? part : clean(part)))
    .join("");
}

/** Display width: code points, without colour codes. */
export function width(s: string): number {
  return [...s.replace(ANSI, "")].length;
}

export function truncate(s: string, max: number): string {
  const cps = [...s];
  return cps.length <= max ? s : `${cps.slice(0, Math.max(0, max - 1)).join("")}…`;
}

export interface Column {
  header: string;
  align?: "left" | "right";
}

/** An aligned table: a header line, then one line per row; cells may carry colour. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style, indent = "  "): string[] {
  // Cells escaped first, so that columns line up on what the terminal shows.
  rows = rows.map((r) => r.map((c) => printable(c, { inline: true, colour: style === COLOUR })));
  const w = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ""))));
  const pad = (s: string, i: number) => {
    const gap = " ".repeat(Math.max(0, w[i] - width(s)));
    return columns[i].align === "right" ? gap + s : s + gap;
  };
  const line = (cells: readonly string[]) => (indent + cells.map((c, i) => pad(c, i)).join("  ")).replace(/\s+$/, "");
  return [style.bold(line(columns.map((c) => c.header))), ...rows.map((r) => line(columns.map((_, i) => r[i] ?? "")))];
}

/** 0.735 → "73.5%"; null → "—". */
export function pct(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "—";
  const v = Math.round(x * 1000) / 10;
  return `${Object.is(v, -0) ? 0 : v}%`;
}

/** A plain number, at most 4 decimals. */
export function num(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "—";
  return String(Math.round(x * 10_000) / 10_000);
}

export function statusColour(status: Status | null, style: Style): (s: string) => string {
  switch (status) {
    case "Achieved":
    case "On track":
      return style.green;
    case "At risk":
    case "Stale":
      return style.yellow;
    case "Off track":
    case "Missed":
      return style.red;
    default:
      return style.dim;
  }
}

export function severityColour(severity: string, style: Style): (s: string) => string {
  return severity === "fail" ? style.red : style.yellow;
}
