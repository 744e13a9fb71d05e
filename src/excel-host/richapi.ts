/**
 * The host side of Microsoft's Excel client: turns one RichApi request (`{Actions,
 * ObjectPaths}`, as `context.sync()` sends it) into operations on the in-memory workbook,
 * and builds the answer the client expects (`{Results, TraceIds}` or `{Error}`).
 *
 * Object paths name objects as the client built them: the root (the workbook), a property
 * (`Worksheets`, `Format`), an indexer (`worksheets.getItem("Goals")` → `[ "Goals" ]`), a
 * method (`GetRange("A1:B2")`), a reference id, or a null object. Each is resolved to the
 * host object that implements that Office.js class (proxies.ts), whose operations run at
 * sync against the model, in the order of the actions. See docs/excel-host.md.
 */
import { ErrorCode, HostError } from "./errors";
import { HostClientResult, LoadSpec, ProxyBase, QueueLike, Stage, parseLoad } from "./proxy-base";

/** `ObjectPathType` values of the RichApi protocol. */
export const PathType = { root: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;
/** `ActionType` values of the RichApi protocol. */
export const ActionType = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** For each argument, the object path it refers to (0: a plain value). */
  ReferencedObjectPathIds?: number[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  QueryInfo?: { Select?: string[] | null; Expand?: string[] | null; Top?: number; Skip?: number };
  ArgumentInfo?: ArgumentInfo;
}

export interface RichApiRequest {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface RichApiError {
  Code: string;
  Message: string;
  Location?: string;
  ActionIndex?: number;
}

/** What a member outside the platform's requirement sets makes Excel answer. */
export interface MemberCheck {
  (className: string, member: string): HostError | null;
}

/** What the responder needs of the host. */
export interface ResponderHost {
  /** The host's request context: every object it hands out queues its operations here. */
  readonly queue: QueueLike & { workbook: unknown; runtime: unknown };
  /** Objects kept by reference id across requests (`_ReferenceId`). */
  readonly refs: Map<string, ProxyBase<unknown>>;
  newReferenceId(): string;
  /** `_RegisterDataChangedEvent` (+1) / `_UnregisterDataChangedEvent` (−1) on a worksheet or table. */
  registerEvents(className: string, target: unknown, delta: 1 | -1): void;
  checkMember: MemberCheck;
}

const NULL_OBJECT = Symbol("null object");
type Resolved = ProxyBase<unknown> | typeof NULL_OBJECT;

/** A request translated into queued operations, and how to read its results after they ran. */
export interface Translation {
  /** Index (in `Actions`) of the action whose operations are running or ran last. */
  actionIndex(): number;
  /** Results of the actions that ran, once the sync has committed. */
  results(): ActionResult[];
  /** Ids of the trace actions that ran. */
  traceIds(): number[];
}

function camel(name: string): string {
  return name.length === 0 ? name : name[0].toLowerCase() + name.slice(1);
}

function notImplemented(className: string, member: string): HostError {
  return new HostError(ErrorCode.notImplemented, `The in-memory Excel host does not implement ${className}.${member}.`, `${className}.${member}`);
}

function isProxy(v: unknown): v is ProxyBase<unknown> {
  return v instanceof ProxyBase;
}

function querySpec(action: ActionInfo): LoadSpec {
  const q = action.QueryInfo;
  const select = q?.Select ?? undefined;
  const expand = q?.Expand ?? undefined;
  if (!select && !expand) return parseLoad(undefined);
  return parseLoad({ select: select ?? undefined, expand: expand ?? undefined });
}

/**
 * Queues the request's actions on the host's context, in order. Nothing runs until the
 * host runs the queue (one stage, all or nothing); errors found while translating are
 * queued too, so that they fail the sync at their own action.
 */
export function translate(host: ResponderHost, request: RichApiRequest): Translation {
  const ctx = host.queue;
  const paths = request.ObjectPaths ?? {};
  const resolved = new Map<number, Resolved>();
  const results: ActionResult[] = [];
  const late: Array<{ id: number; result: HostClientResult<unknown> }> = [];
  const traces: number[] = [];
  let current = -1;

  const fail = (e: unknown) =>
    ctx.enqueue({
      desc: null,
      run: () => {
        throw e;
      },
    });

  const args = (info: ArgumentInfo | undefined): unknown[] => {
    const values = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return values.map((v, i) => {
      const ref = refs[i];
      if (ref === undefined || ref === 0) return v;
      const o = objectFor(ref);
      return o === NULL_OBJECT ? null : o;
    });
  };

  const objectFor = (id: number): Resolved => {
    const known = resolved.get(id);
    if (known !== undefined) return known;
    const info = paths[String(id)];
    if (!info) throw new HostError(ErrorCode.invalidArgument, `The request names object path ${id}, which it does not define.`);
    let out: Resolved;
    const parentOf = (): Resolved => {
      if (info.ParentObjectPathId === undefined) throw new HostError(ErrorCode.invalidArgument, `Object path ${id} has no parent.`);
      return objectFor(info.ParentObjectPathId);
    };
    switch (info.ObjectPathType) {
      case PathType.root:
        out = ctx.workbook as ProxyBase<unknown>;
        break;
      case PathType.property: {
        const parent = parentOf();
        if (parent === NULL_OBJECT) {
          out = NULL_OBJECT;
          break;
        }
        const denied = host.checkMember(parent._className, info.Name);
        if (denied) throw denied;
        const v = info.Name === "_Runtime" ? ctx.runtime : (parent as unknown as Record<string, unknown>)[camel(info.Name)];
        if (!isProxy(v)) throw notImplemented(parent._className, camel(info.Name));
        out = v;
        break;
      }
      case PathType.method:
      case PathType.indexer: {
        const parent = parentOf();
        if (parent === NULL_OBJECT) {
          out = NULL_OBJECT;
          break;
        }
        const name = info.ObjectPathType === PathType.indexer ? "getItem" : camel(info.Name);
        const denied = host.checkMember(parent._className, info.ObjectPathType === PathType.indexer ? "GetItem" : info.Name);
        if (denied) throw denied;
        const fn = (parent as unknown as Record<string, unknown>)[name];
        if (typeof fn !== "function") throw notImplemented(parent._className, name);
        const v: unknown = fn.apply(parent, args(info.ArgumentInfo));
        if (!isProxy(v)) throw notImplemented(parent._className, name);
        out = v;
        break;
      }
      case PathType.referenceId: {
        const v = host.refs.get(info.Name);
        if (!v) {
          throw new HostError(
            "InvalidObjectPath",
            `The object path '${info.Name}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
          );
        }
        out = v;
        break;
      }
      case PathType.nullObject:
        out = NULL_OBJECT;
        break;
      default:
        throw new HostError(ErrorCode.notImplemented, `The in-memory Excel host does not implement object paths of type ${info.ObjectPathType}.`);
    }
    resolved.set(id, out);
    return out;
  };

  // Excel gives a reference id to the objects the client asks it to keep (`_KeepReference`,
  // sent for ranges inside Excel.run); the client then tracks them and releases them at the
  // end of the batch (`_RemoveReference`, see isCleanupRequest).
  const kept = new Set<number>();
  for (const a of request.Actions ?? []) if (a.ActionType === ActionType.method && a.Name === "_KeepReference") kept.add(a.ObjectPathId);

  const instantiate = (action: ActionInfo, o: Resolved) => {
    ctx.enqueue({
      desc: null,
      run: () => {
        if (o === NULL_OBJECT) return void results.push({ ActionId: action.Id, Value: null });
        const target = o._resolve();
        if (target === null) return void results.push({ ActionId: action.Id, Value: null });
        const wire = o._instanceWire();
        if (wire.Id === undefined && kept.has(action.ObjectPathId)) {
          const ref = host.newReferenceId();
          host.refs.set(ref, o);
          wire._ReferenceId = ref;
        }
        results.push({ ActionId: action.Id, Value: wire });
      },
    });
  };

  const method = (action: ActionInfo, o: Resolved) => {
    if (o === NULL_OBJECT) return;
    const a = args(action.ArgumentInfo);
    switch (action.Name) {
      case "_KeepReference":
      case "_ValidateArraySize": // the client's size check before a large values write; the write itself checks dimensions
        return;
      case "_RemoveReference":
        host.refs.delete(String(a[0]));
        return;
      case "_RegisterDataChangedEvent":
      case "_UnregisterDataChangedEvent": {
        const delta = action.Name === "_RegisterDataChangedEvent" ? 1 : -1;
        ctx.enqueue({
          desc: null,
          run: (stage: Stage) => {
            const target = o._resolve();
            if (target === null) return;
            stage.commits.push(() => host.registerEvents(o._className, target, delta));
          },
        });
        return;
      }
    }
    const denied = host.checkMember(o._className, action.Name);
    if (denied) throw denied;
    const fn = (o as unknown as Record<string, unknown>)[camel(action.Name)];
    if (typeof fn !== "function") throw notImplemented(o._className, camel(action.Name));
    const out: unknown = fn.apply(o, a);
    if (out instanceof HostClientResult) late.push({ id: action.Id, result: out });
  };

  const setProperty = (action: ActionInfo, o: Resolved) => {
    if (o === NULL_OBJECT) return;
    const denied = host.checkMember(o._className, action.Name);
    if (denied) throw denied;
    const name = camel(action.Name);
    const target = o as unknown as Record<string, unknown>;
    const desc = findSetter(o, name);
    if (!desc) throw notImplemented(o._className, name);
    target[name] = args(action.ArgumentInfo)[0];
  };

  const actions = request.Actions ?? [];
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i];
    const index = i;
    ctx.enqueue({ desc: null, run: () => void (current = index) });
    try {
      switch (action.ActionType) {
        case ActionType.instantiate:
          instantiate(action, objectFor(action.ObjectPathId));
          break;
        case ActionType.query: {
          const o = objectFor(action.ObjectPathId);
          const spec = querySpec(action);
          if (o !== NULL_OBJECT) {
            for (const name of spec.children.keys()) {
              const denied = host.checkMember(o._className, name);
              if (denied) throw denied;
            }
          }
          ctx.enqueue({ desc: null, run: () => void results.push({ ActionId: action.Id, Value: o === NULL_OBJECT ? null : o._query(spec) }) });
          break;
        }
        case ActionType.method:
          method(action, objectFor(action.ObjectPathId));
          break;
        case ActionType.setProperty:
          setProperty(action, objectFor(action.ObjectPathId));
          break;
        case ActionType.trace:
          // The client runs its trace-marker callbacks (event registration among them) on the result.
          ctx.enqueue({
            desc: null,
            run: () => {
              traces.push(action.Id);
              results.push({ ActionId: action.Id, Value: null });
            },
          });
          break;
        default:
          throw new HostError(ErrorCode.notImplemented, `The in-memory Excel host does not implement actions of type ${action.ActionType}.`);
      }
    } catch (e) {
      fail(e);
      break;
    }
  }

  return {
    actionIndex: () => current,
    results: () => [...results, ...late.map((l) => ({ ActionId: l.id, Value: l.result.value }))],
    traceIds: () => traces,
  };
}

/**
 * Whether a request only releases references: the clean-up request the client sends,
 * without waiting for it, after an Excel.run batch that used kept objects.
 */
export function isCleanupRequest(request: RichApiRequest): boolean {
  const actions = request.Actions ?? [];
  let releases = 0;
  for (const a of actions) {
    if (a.ActionType === ActionType.method && a.Name === "_RemoveReference") releases++;
    else if (a.ActionType !== ActionType.instantiate) return false;
  }
  return releases > 0;
}

function findSetter(o: object, name: string): PropertyDescriptor | undefined {
  for (let p: object | null = o; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d.set ? d : undefined;
  }
  return undefined;
}
