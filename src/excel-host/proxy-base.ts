/**
 * The host objects behind Microsoft's client: one class per Office.js class the adapter
 * uses (proxies.ts), reached by the responder (richapi.ts) from the object paths of a
 * RichApi request. A property set or method call queues an operation that runs, in order,
 * when the request runs; a query (`load`) is answered from the model as the request runs.
 * Loading rules, caches and PropertyNotLoaded are the client's, not these objects'.
 */
import { Rect } from "../core/a1";
import { ErrorCode, HostError } from "./errors";
import { SheetModel } from "./model";

/** A cell change, for events. */
export interface Change {
  sheet: SheetModel;
  rect: Rect;
  changeType: string;
  details?: { valueBefore: unknown; valueAfter: unknown };
}

/** What one sync accumulates while its operations run; committed only if all succeed. */
export interface Stage {
  commits: Array<() => void>;
  changes: Change[];
  traces: string[];
  responseBytes: number;
}

export interface Op {
  /** JSON-serializable description; its size is the request-size estimate. */
  desc: unknown;
  run(stage: Stage): void;
}

/** What a proxy needs from its request context. */
export interface QueueLike {
  enqueue(op: Op): void;
}

/** A parsed load request: scalar names and navigation sub-requests. */
export interface LoadSpec {
  all: boolean;
  children: Map<string, LoadSpec>;
}

export function emptySpec(all = false): LoadSpec {
  return { all, children: new Map() };
}

/** Parses `"a, b/c"`, `["a", "b/c"]` or `{ select, expand }` into a LoadSpec. */
export function parseLoad(option: unknown): LoadSpec {
  const spec = emptySpec();
  const add = (path: string) => {
    const parts = path
      .split("/")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (parts.length === 0) return;
    let cur = spec;
    for (const p of parts) {
      let next = cur.children.get(p);
      if (!next) cur.children.set(p, (next = emptySpec()));
      cur = next;
    }
    if (cur.children.size === 0) cur.all = true;
  };
  const addList = (v: unknown) => {
    if (typeof v === "string") v.split(",").forEach(add);
    else if (Array.isArray(v)) v.forEach((x) => typeof x === "string" && x.split(",").forEach(add));
  };
  if (option === undefined || option === null || option === "") {
    spec.all = true;
  } else if (typeof option === "string" || Array.isArray(option)) {
    addList(option);
  } else if (typeof option === "object") {
    const o = option as { select?: unknown; expand?: unknown };
    addList(o.select);
    addList(o.expand);
    if (o.select === undefined) spec.all = true;
  }
  if (spec.children.size === 0) spec.all = true;
  return spec;
}

/** Base of every host object (one per Office.js class: `Worksheet`, `Range`, …). */
export abstract class ProxyBase<T> {
  constructor(
    /** The host's queue (the objects a request names queue their operations here). */
    readonly context: QueueLike,
    /** Object path, for messages. */
    readonly _path: string,
    /** Finds the target in the workbook when the request runs; null for a null object; throws ItemNotFound etc. */
    readonly _resolve: () => T | null,
  ) {}

  protected abstract get _entity(): string;
  /** Scalar properties loaded by a bare `load()`. */
  protected abstract get _scalars(): readonly string[];
  /** Computes a scalar property from the target. */
  protected abstract _read(name: string, target: T): unknown;
  /** Navigation properties (proxies) by name. */
  protected _nav(_name: string): ProxyBase<unknown> | undefined {
    return undefined;
  }

  protected _enqueue(desc: unknown, run: (stage: Stage) => void): void {
    this.context.enqueue({ desc, run });
  }

  /** Queues a property set. */
  protected _set(name: string, value: unknown, apply: (target: T, stage: Stage) => void): void {
    this._enqueue({ p: this._path, set: name, v: value }, (stage) => {
      const t = this._resolve();
      if (t !== null) apply(t, stage);
    });
  }

  /** Queues a method call. */
  protected _call(method: string, args: unknown[], apply: (target: T, stage: Stage) => void): void {
    this._enqueue({ p: this._path, call: method, a: args.map(describeArg) }, (stage) => {
      const t = this._resolve();
      if (t !== null) apply(t, stage);
    });
  }

  /** Queues a method call returning a primitive. */
  protected _result<R>(method: string, args: unknown[], compute: (target: T) => R): HostClientResult<R> {
    const result = new HostClientResult<R>();
    this._enqueue({ p: this._path, call: method, a: args.map(describeArg) }, (stage) => {
      const t = this._resolve();
      const v = t === null ? (undefined as R) : compute(t);
      stage.responseBytes += sizeOf(v);
      stage.commits.push(() => result._setValue(v));
    });
    return result;
  }

  /**
   * Answers a RichApi query (`load`) now, inside a sync: the selected properties in the
   * wire form Excel sends back (PascalCase names, navigation properties nested, `Id` for
   * objects that have one), or null for a null object.
   */
  _query(spec: LoadSpec): Record<string, unknown> | null {
    const t = this._resolve();
    if (t === null) return null;
    const out: Record<string, unknown> = {};
    const names = spec.all ? new Set([...this._scalars, ...spec.children.keys()]) : new Set(spec.children.keys());
    for (const name of names) {
      const sub = spec.children.get(name);
      const nav = this._nav(name);
      if (nav) {
        out[wireName(name)] = nav._query(sub ?? emptySpec(true));
        continue;
      }
      if (!this._scalars.includes(name) || (sub && sub.children.size > 0)) {
        throw new HostError(ErrorCode.invalidArgument, `The host does not implement ${this._entity}.${name}.`, `${this._entity}.${name}`);
      }
      out[wireName(name)] = this._read(name, t);
    }
    if (this._scalars.includes("id") && out.Id === undefined) out.Id = this._read("id", t);
    return out;
  }

  /**
   * What an instantiate action answers for this object (docs/excel-host.md "Answers"): its
   * `Id` when it has one, nothing else. Collections answer no items: those come only when
   * the client loads them.
   */
  _instanceWire(): Record<string, unknown> {
    return this._query({ all: false, children: new Map() }) ?? {};
  }

  /** The Office.js class this object stands for (`Worksheet`, `RangeFormat`, …). */
  get _className(): string {
    return this._entity;
  }
}

/** A method's answer (`getCount()`), set when the request has run. */
export class HostClientResult<T> {
  private _v: T | undefined;
  private _has = false;
  get value(): T {
    if (!this._has) throw new Error("The host read a method's answer before the request ran.");
    return this._v as T;
  }
  _setValue(v: T): void {
    this._v = v;
    this._has = true;
  }
}

function describeArg(a: unknown): unknown {
  if (a instanceof ProxyBase) return { path: a._path };
  if (typeof a === "function") return "<function>";
  return a;
}

/** A property's name on the wire: `values` → `Values`. */
export function wireName(name: string): string {
  return name.length === 0 ? name : name[0].toUpperCase() + name.slice(1);
}

export function sizeOf(v: unknown): number {
  if (v === undefined) return 0;
  try {
    return utf8Length(JSON.stringify(v) ?? "");
  } catch {
    return 0;
  }
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
