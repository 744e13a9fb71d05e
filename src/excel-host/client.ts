/**
 * Microsoft's Excel client library on one side, the in-memory workbook on the other.
 *
 * `@microsoft/office-js` ships the Excel client for each platform (`excel-web-16.00.js`,
 * `excel-win32-16.01.js`, `excel-mac-16.00.js`). Loaded in a page or a Node `vm` context,
 * it defines `Excel` and `OfficeExtension`; `OfficeExtension.HttpUtility.setCustomSendRequestFunc(fn)`
 * hands every `context.sync()` to `fn` as one RichApi request (`{Actions, ObjectPaths}`).
 * This module connects such a client to ExcelHosts: each host has its own session URL,
 * and the request is answered by that host's responder (richapi.ts). Events go back
 * through the client's own event registration (`_testTriggerRichApiMessageEvent`).
 *
 * Pure TypeScript: the loader (a script tag in the preview, `vm` in Node: node-client.ts)
 * is the caller's.
 */
import { PlatformId } from "./platforms";

/** The platforms whose client builds and requirement sets the host knows (platforms.ts). */
export type PlatformName = PlatformId;

/** What a loaded client library gives: its `Excel` and `OfficeExtension` namespaces. */
export interface OfficeClient {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
  /** The platform whose build this is and whose requirement sets the host answers with. */
  readonly platform: PlatformName;
}

/** A request as the client hands it to the custom send function. */
export interface ClientRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface ClientResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** What the host side of a session answers. */
export interface Session {
  process(body: unknown, flags: number): Promise<string>;
}

/** The test hooks the client exposes (present in every build of the library). */
interface ClientInternals {
  HttpUtility: { setCustomSendRequestFunc(fn: (request: ClientRequest) => Promise<ClientResponse>): void };
  _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void;
  _testTriggerRichApiMessageEvent(message: { entries: RichApiMessageEntry[] }): void;
}

export interface RichApiMessageEntry {
  messageCategory: number;
  messageType: number;
  targetId: string;
  message: string;
  isRemoteOverride?: boolean;
}

/** The client's category for event messages (`GenericEventRegistration.richApiMessageEventCategory`). */
const EVENT_CATEGORY = 65536;

interface Connection {
  sessions: Map<string, WeakRef<Session>>;
  next: number;
}

const connections = new WeakMap<object, Connection>();

function internals(client: OfficeClient): ClientInternals {
  return client.OfficeExtension as unknown as ClientInternals;
}

function connection(client: OfficeClient): Connection {
  let c = connections.get(client.OfficeExtension);
  if (c) return c;
  const conn: Connection = { sessions: new Map(), next: 1 };
  c = conn;
  connections.set(client.OfficeExtension, conn);
  const ext = internals(client);
  ext._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  ext.HttpUtility.setCustomSendRequestFunc(async (request) => {
    const url = new URL(request.url);
    const session = conn.sessions.get(url.host)?.deref();
    if (!session) {
      return { statusCode: 404, headers: {}, body: JSON.stringify({ Error: { Code: "GeneralException", Message: `No workbook answers at ${url.host}.` } }) };
    }
    const flags = Number(url.searchParams.get("flags") ?? 0);
    const body = await session.process(request.body, Number.isFinite(flags) ? flags : 0);
    return { statusCode: 200, headers: {}, body };
  });
  return conn;
}

/** Registers a session with the client; returns its URL (for `Excel.run({ session: url }, …)`). */
export function openSession(client: OfficeClient, session: Session): string {
  const conn = connection(client);
  const host = `workbook-${conn.next++}.host.invalid`;
  conn.sessions.set(host, new WeakRef(session));
  return `https://${host}`;
}

/** Delivers one event to the handlers registered through the client (asynchronously, as Excel does). */
export function triggerEvent(client: OfficeClient, eventType: number, targetId: string, args: Record<string, unknown>): void {
  internals(client)._testTriggerRichApiMessageEvent({
    entries: [{ messageCategory: EVENT_CATEGORY, messageType: eventType, targetId, message: JSON.stringify(args) }],
  });
}

let defaultPlatform: PlatformName = "web";
const clients = new Map<PlatformName, OfficeClient>();
let loader: ((platform: PlatformName) => OfficeClient) | null = null;

/** Makes the client of a platform when a host first needs it (the test setup: node-client.ts). */
export function setClientLoader(load: (platform: PlatformName) => OfficeClient, platform: PlatformName = "web"): void {
  loader = load;
  defaultPlatform = platform;
}

/** The client new hosts use when none is given (the preview page, with the library it loaded). */
export function setDefaultClient(client: OfficeClient): void {
  clients.set(client.platform, client);
  defaultPlatform = client.platform;
}

/** The platform new hosts are on when none is given. */
export function defaultPlatformName(): PlatformName {
  return defaultPlatform;
}

/** The client for a platform (default: the default platform's), loaded on first use. */
export function clientFor(platform: PlatformName = defaultPlatform): OfficeClient {
  let c = clients.get(platform);
  if (!c) {
    if (!loader) {
      throw new Error(`No Office.js client for the ${platform} platform is loaded: call setDefaultClient() or setClientLoader() (see docs/excel-host.md).`);
    }
    c = loader(platform);
    clients.set(platform, c);
  }
  return c;
}
