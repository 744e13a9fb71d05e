/**
 * Records kept on disk while `consolidate` reads its inputs, so that its memory does
 * not grow with the number of files: each record is one line of JSON in a private
 * temporary folder (mode 0700, removed at the end), read back by its place in the file
 * (`get`) or in order (`each`). Values keep their type: Dates, non-finite numbers and
 * Excel errors come back as they went in.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "fs";
import * as os from "os";
import * as path from "path";

/** Where one record is in the file. */
export interface SpillRef {
  offset: number;
  length: number;
}

function encode(_key: string, v: unknown): unknown {
  if (typeof v === "number" && !Number.isFinite(v)) return { $n: String(v) };
  return v;
}

function decode(_key: string, v: unknown): unknown {
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    if (typeof o.$d === "number" && Object.keys(o).length === 1) return new Date(o.$d);
    if (typeof o.$n === "string" && Object.keys(o).length === 1) return Number(o.$n);
  }
  return v;
}

/** Dates as `{$d: ms}`: JSON.stringify would make them strings before a replacer sees them. */
function withDates(v: unknown): unknown {
  if (v instanceof Date) return { $d: v.getTime() };
  if (Array.isArray(v)) return v.map(withDates);
  if (typeof v === "object" && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = withDates(x);
    return out;
  }
  return v;
}

export class Spill {
  private readonly dir: string;
  private readonly fd: number;
  private size = 0;
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(name: string) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), "goal-scorecards-"));
    this.fd = openSync(path.join(this.dir, name), "wx+", 0o600);
  }

  /** Appends a record; returns where it is. */
  add(record: unknown): SpillRef {
    const line = `${JSON.stringify(withDates(record), encode)}\n`;
    const length = Buffer.byteLength(line, "utf8");
    const ref = { offset: this.size, length };
    this.size += length;
    this.pending.push(line);
    this.pendingBytes += length;
    if (this.pendingBytes > 1 << 20) this.flush();
    return ref;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const b = Buffer.from(this.pending.join(""), "utf8");
    let done = 0;
    while (done < b.length) done += writeSync(this.fd, b, done, b.length - done, this.size - this.pendingBytes + done);
    this.pending = [];
    this.pendingBytes = 0;
  }

  get<T>(ref: SpillRef): T {
    this.flush();
    const b = Buffer.alloc(ref.length);
    let done = 0;
    while (done < ref.length) {
      const n = readSync(this.fd, b, done, ref.length - done, ref.offset + done);
      if (n === 0) throw new Error("the consolidation's temporary file is shorter than expected");
      done += n;
    }
    return JSON.parse(b.toString("utf8"), decode) as T;
  }

  /** Every record in order, read in blocks (a record is one line; lines end in a newline byte). */
  *each<T>(): Generator<T> {
    this.flush();
    const block = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    for (let pos = 0; pos < this.size;) {
      const n = readSync(this.fd, block, 0, Math.min(block.length, this.size - pos), pos);
      if (n === 0) break;
      pos += n;
      const chunk = carry.length > 0 ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
      const last = chunk.lastIndexOf(10);
      if (last < 0) {
        carry = Buffer.from(chunk);
        continue;
      }
      const lines = chunk.toString("utf8", 0, last).split("\n");
      carry = Buffer.from(chunk.subarray(last + 1));
      for (const l of lines) if (l !== "") yield JSON.parse(l, decode) as T;
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
