/**
 * The Office.js proxy model: every property set and method call is queued as an
 * operation and applied, in order, at `context.sync()`; properties are readable
 * only after `load()` + `sync()` (or after being set on the same proxy, as in
 * Office.js, where a setter also caches the value it was given).
 */
import { Rect } from "./address";
import { ErrorCode, HostError, propertyNotLoaded, valueNotLoaded } from "./errors";
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

type Commit = () => void;

/** Base of every proxy object (Office.js `ClientObject`). */
export abstract class ProxyBase<T> {
  /** Loaded (or locally set) property values. */
  protected _values: Record<string, unknown> = {};
  protected _nullState: boolean | undefined = undefined;

  constructor(
    /** The request context (typed loosely: `Excel.RequestContext` at the boundary). */
    readonly context: QueueLike,
    /** Object path, used in request descriptions. */
    readonly _path: string,
    /** Finds the target in the workbook at sync time; null for a null object; throws ItemNotFound etc. */
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

  get isNullObject(): boolean {
    if (this._nullState === undefined) throw propertyNotLoaded(this._entity, "isNullObject");
    return this._nullState;
  }

  /** Reads a property: loaded or set value, or PropertyNotLoaded. */
  protected _get<V>(name: string): V {
    if (Object.prototype.hasOwnProperty.call(this._values, name)) return this._values[name] as V;
    if (this._nullState === true) return undefined as V;
    throw propertyNotLoaded(this._entity, name);
  }

  protected _enqueue(desc: unknown, run: (stage: Stage) => void): void {
    this.context.enqueue({ desc, run });
  }

  /** Queues a property set (the value is also cached on the proxy, as Office.js does). */
  protected _set(name: string, value: unknown, apply: (target: T, stage: Stage) => void): void {
    this._values[name] = value;
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

  load(option?: unknown): this {
    const spec = parseLoad(option);
    this._enqueue({ p: this._path, load: describeSpec(spec) }, (stage) => {
      stage.commits.push(this._loadNow(spec, stage));
    });
    return this;
  }

  /** Computes a load now (inside a sync); returns the commit that publishes it. */
  _loadNow(spec: LoadSpec, stage: Stage): Commit {
    const t = this._resolve();
    if (t === null) return () => (this._nullState = true);
    const values: Record<string, unknown> = {};
    const commits: Commit[] = [];
    const names = spec.all ? new Set([...this._scalars, ...spec.children.keys()]) : new Set(spec.children.keys());
    for (const name of names) {
      const sub = spec.children.get(name);
      const nav = this._nav(name);
      if (nav) {
        commits.push(nav._loadNow(sub ?? emptySpec(true), stage));
        continue;
      }
      if (!this._scalars.includes(name) || (sub && sub.children.size > 0)) {
        throw new HostError(ErrorCode.invalidArgument, `The host does not implement ${this._entity}.${name}.`, `${this._entity}.${name}`);
      }
      values[name] = this._read(name, t);
    }
    stage.responseBytes += sizeOf(values);
    return () => {
      this._nullState = false;
      Object.assign(this._values, values);
      for (const c of commits) c();
    };
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

  /** The Office.js class this object stands for (`Worksheet`, `RangeFormat`, …). */
  get _className(): string {
    return this._entity;
  }

  /** Marks the object as existing with its properties known (items of a loaded collection). */
  _markLoaded(): void {
    this._nullState = false;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._values };
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

export class HostClientResult<T> {
  private _v: T | undefined;
  private _has = false;
  get value(): T {
    if (!this._has) throw valueNotLoaded();
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

function describeSpec(spec: LoadSpec): unknown {
  if (spec.children.size === 0) return spec.all ? "*" : "";
  const out: Record<string, unknown> = {};
  for (const [k, v] of spec.children) out[k] = describeSpec(v);
  return out;
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
