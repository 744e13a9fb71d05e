/**
 * A small Excel formula parser: literals, A1 references and ranges (optionally
 * sheet-qualified), structured references, function calls, and the arithmetic,
 * comparison and `&` operators. Anything else fails to parse and evaluates to #NAME?.
 */
import { Rect, columnIndex, orderedRect } from "../core/a1";
import { rect } from "./address";

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "err"; v: string }
  | { k: "ref"; sheet?: string; rect: Rect }
  | { k: "sref"; table?: string; columns: string[]; area: "data" | "all" | "headers" | "thisRow" }
  | { k: "call"; name: string; args: Array<Node | null> }
  | { k: "unary"; op: "-" | "+" | "@"; a: Node }
  | { k: "pct"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "name"; v: string };

class ParseError extends Error {}

const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#BUSY!"];
const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})/;

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  peek(): string {
    this.ws();
    return this.s[this.i] ?? "";
  }
  eat(t: string): boolean {
    this.ws();
    if (this.s.startsWith(t, this.i)) {
      this.i += t.length;
      return true;
    }
    return false;
  }
  expect(t: string): void {
    if (!this.eat(t)) throw new ParseError(`expected ${t}`);
  }

  parse(): Node {
    const n = this.compare();
    this.ws();
    if (this.i < this.s.length) throw new ParseError("trailing input");
    return n;
  }

  compare(): Node {
    let a = this.concat();
    for (;;) {
      const op = ["<>", "<=", ">=", "=", "<", ">"].find((o) => this.eat(o));
      if (!op) return a;
      a = { k: "bin", op, a, b: this.concat() };
    }
  }
  concat(): Node {
    let a = this.additive();
    while (this.eat("&")) a = { k: "bin", op: "&", a, b: this.additive() };
    return a;
  }
  additive(): Node {
    let a = this.mult();
    for (;;) {
      if (this.eat("+")) a = { k: "bin", op: "+", a, b: this.mult() };
      else if (this.eat("-")) a = { k: "bin", op: "-", a, b: this.mult() };
      else return a;
    }
  }
  mult(): Node {
    let a = this.power();
    for (;;) {
      if (this.eat("*")) a = { k: "bin", op: "*", a, b: this.power() };
      else if (this.eat("/")) a = { k: "bin", op: "/", a, b: this.power() };
      else return a;
    }
  }
  power(): Node {
    let a = this.unary();
    while (this.eat("^")) a = { k: "bin", op: "^", a, b: this.unary() };
    return a;
  }
  unary(): Node {
    if (this.eat("-")) return { k: "unary", op: "-", a: this.unary() };
    if (this.eat("+")) return { k: "unary", op: "+", a: this.unary() };
    if (this.eat("@")) return { k: "unary", op: "@", a: this.unary() };
    let a = this.primary();
    while (this.eat("%")) a = { k: "pct", a };
    return a;
  }

  primary(): Node {
    const c = this.peek();
    if (c === "(") {
      this.i++;
      const n = this.compare();
      this.expect(")");
      return n;
    }
    if (c === '"') return this.string();
    if (c === "#") {
      const e = ERRORS.find((x) => this.s.startsWith(x, this.i) || this.s.toUpperCase().startsWith(x, this.i));
      if (!e) throw new ParseError("bad error literal");
      this.i += e.length;
      return { k: "err", v: e };
    }
    if (c === "[") return { k: "sref", ...this.structured() };
    if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
      if (!m) throw new ParseError("bad number");
      this.i += m[0].length;
      return { k: "num", v: Number(m[0]) };
    }
    if (c === "'") {
      const sheet = this.quotedSheet();
      return this.reference(sheet);
    }
    const rest = this.s.slice(this.i);
    const id = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(rest);
    const dollarCell = CELL.exec(rest);
    if (dollarCell && rest.startsWith("$")) return this.reference(undefined);
    if (!id) throw new ParseError(`unexpected ${c}`);
    const word = id[0];
    const after = this.s[this.i + word.length];
    if (after === "!") {
      this.i += word.length + 1;
      return this.reference(word);
    }
    if (after === "(") {
      this.i += word.length + 1;
      return { k: "call", name: word.toUpperCase(), args: this.args() };
    }
    if (after === "[") {
      this.i += word.length;
      return { k: "sref", table: word, ...this.structured() };
    }
    if (CELL.exec(rest) && CELL.exec(rest)?.[0].length === word.length) return this.reference(undefined);
    this.i += word.length;
    const up = word.toUpperCase();
    if (up === "TRUE" || up === "FALSE") return { k: "bool", v: up === "TRUE" };
    return { k: "name", v: word };
  }

  quotedSheet(): string {
    this.expect("'");
    let name = "";
    while (this.i < this.s.length) {
      const ch = this.s[this.i++];
      if (ch === "'") {
        if (this.s[this.i] === "'") {
          name += "'";
          this.i++;
          continue;
        }
        break;
      }
      name += ch;
    }
    if (this.s[this.i] !== "!") throw new ParseError("expected !");
    this.i++;
    return name;
  }

  cell(): [number, number] {
    const m = CELL.exec(this.s.slice(this.i));
    if (!m) throw new ParseError("expected a cell");
    this.i += m[0].length;
    return [+m[2] - 1, columnIndex(m[1])];
  }

  reference(sheet: string | undefined): Node {
    const [r0, c0] = this.cell();
    if (this.s[this.i] === ":") {
      this.i++;
      const [r1, c1] = this.cell();
      return { k: "ref", sheet, rect: orderedRect(rect(r0, c0, r1, c1)) };
    }
    return { k: "ref", sheet, rect: rect(r0, c0) };
  }

  string(): Node {
    this.expect('"');
    let out = "";
    while (this.i < this.s.length) {
      const ch = this.s[this.i++];
      if (ch === '"') {
        if (this.s[this.i] === '"') {
          out += '"';
          this.i++;
          continue;
        }
        return { k: "str", v: out };
      }
      out += ch;
    }
    throw new ParseError("unterminated string");
  }

  args(): Array<Node | null> {
    const out: Array<Node | null> = [];
    if (this.eat(")")) return out;
    for (;;) {
      const c = this.peek();
      if (c === "," || c === ")") out.push(null);
      else out.push(this.compare());
      if (this.eat(",")) continue;
      this.expect(")");
      return out;
    }
  }

  /** Reads one bracketed group `[...]` (nesting and `'` escapes) and returns its inner text. */
  bracket(): string {
    if (this.s[this.i] !== "[") throw new ParseError("expected [");
    let depth = 0;
    let out = "";
    while (this.i < this.s.length) {
      const ch = this.s[this.i++];
      if (ch === "'") {
        out += ch + (this.s[this.i++] ?? "");
        continue;
      }
      if (ch === "[") {
        depth++;
        if (depth === 1) continue;
      } else if (ch === "]") {
        depth--;
        if (depth === 0) return out;
      }
      out += ch;
    }
    throw new ParseError("unterminated [");
  }

  structured(): { columns: string[]; area: "data" | "all" | "headers" | "thisRow" } {
    const inner = this.bracket().trim();
    let area: "data" | "all" | "headers" | "thisRow" = "data";
    const columns: string[] = [];
    const special = (t: string): boolean => {
      const u = t.trim().toLowerCase();
      if (u === "#this row") area = "thisRow";
      else if (u === "#all") area = "all";
      else if (u === "#headers") area = "headers";
      else if (u === "#data") area = "data";
      else return false;
      return true;
    };
    if (inner.startsWith("@")) {
      area = "thisRow";
      const rest = inner.slice(1).trim();
      if (rest.startsWith("[")) columns.push(...splitItems(rest));
      else if (rest !== "") columns.push(unescape(rest));
    } else if (inner.startsWith("[")) {
      for (const item of splitItems(inner)) if (!special(item)) columns.push(item);
    } else if (inner.startsWith("#")) {
      if (!special(inner)) throw new ParseError("bad special item");
    } else if (inner !== "") {
      columns.push(unescape(inner));
    }
    return { columns, area };
  }
}

function unescape(s: string): string {
  return s.replace(/'(.)/g, "$1");
}

/** `[a],[b]` or `[a]:[b]` → item names (a column range keeps both ends). */
function splitItems(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === "[") {
      let j = i + 1;
      let cur = "";
      while (j < s.length && s[j] !== "]") {
        if (s[j] === "'") {
          cur += s[j + 1] ?? "";
          j += 2;
          continue;
        }
        cur += s[j++];
      }
      out.push(cur.trim() === "" ? cur : cur);
      i = j + 1;
    } else i++;
  }
  return out;
}

const cache = new Map<string, Node | null>();

/** Parses a formula (with its leading `=`); null when the host cannot read it. Cached by text. */
export function parseFormula(formula: string): Node | null {
  const hit = cache.get(formula);
  if (hit !== undefined) return hit;
  let node: Node | null;
  try {
    node = new Parser(formula.startsWith("=") ? formula.slice(1) : formula).parse();
  } catch {
    node = null;
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(formula, node);
  return node;
}
