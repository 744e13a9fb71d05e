/**
 * Platform profiles: which requirement sets Excel on the web, on Windows
 * (Microsoft 365), on Mac and Office LTSC 2021 support, which set each Excel
 * API member belongs to (the generated table from @types/office-js), and the
 * ApiNotFound error Excel gives for a member outside the profile.
 *
 * Pure TypeScript, no imports but the generated table: the RichApi responder
 * and the browser preview both use it. See docs/excel-host.md, "Platform profiles".
 *
 * Sources (read from OfficeDev/office-js-docs-reference, snapshot of 2026-08-21;
 * "ms.date" is the page's own date):
 * - Excel JavaScript API requirement sets, ms.date 06/30/2026
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * - ExcelApiOnline (web only), ms.date 08/11/2026
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-online-requirement-set
 * - ExcelApiDesktop 1.1 (Windows and Mac only), ms.date 08/11/2026
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-desktop-1-1-requirement-set
 * - Custom functions requirement sets, ms.date 10/17/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 * - Shared runtime requirement sets, ms.date 10/17/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 * - Dialog API requirement sets, ms.date 11/07/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/dialog-api-requirement-sets
 * - Dialog Origin requirement sets, ms.date 10/17/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/dialog-origin-requirement-sets
 * - Ribbon API requirement sets, ms.date 08/13/2026
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/ribbon-api-requirement-sets
 * - Identity API requirement sets, ms.date 10/17/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/identity-api-requirement-sets
 * - Nested app auth requirement sets, ms.date 03/31/2026
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/nested-app-auth-requirement-sets
 * - Open Browser Window API requirement sets, ms.date 10/17/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets
 * - Add-in commands requirement sets, ms.date 10/17/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/add-in-commands-requirement-sets
 * - Keyboard shortcuts requirement sets, ms.date 05/26/2026
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/keyboard-shortcuts-requirement-sets
 * - Context menu API requirement sets, ms.date 10/17/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/context-menu-api-requirement-sets
 * - Task pane API requirement sets, ms.date 11/18/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/task-pane-api-requirement-sets
 * - Image coercion requirement sets, ms.date 11/07/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/image-coercion-requirement-sets
 * - Office Common API requirement sets, ms.date 10/10/2025
 *   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/office-add-in-requirement-sets
 * - Office versions and requirement sets (what the profiles mean)
 *   https://learn.microsoft.com/en-us/office/dev/add-ins/develop/office-versions-and-requirement-sets
 *
 * isSetSupported follows Office's own RequirementMatrix._isSetSupported and the
 * ApiNotFound message is Office's ApiNotFoundDetails resource string, both in
 * node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js.
 */

import { API_SET_TABLE } from "./api-sets.generated";

export type PlatformId = "web" | "windows" | "mac" | "excel2021";

export interface PlatformProfile {
  readonly id: PlatformId;
  /** What Office reports as `Office.context.platform` there ("OfficeOnline", "PC", "Mac"). */
  readonly officePlatform: "OfficeOnline" | "PC" | "Mac";
  /** Human name, e.g. "Excel on the web". */
  readonly name: string;
  /** The build the profile stands for (the minimum build of its highest sets). */
  readonly build: string;
  /** Requirement set name → the highest version supported ("major.minor"). */
  readonly sets: Readonly<Record<string, string>>;
}

/** The Office Common API sets every Excel desktop and web client has had since Office 2016 (Office Common API requirement sets page). */
const COMMON_SETS = {
  BindingEvents: "1.1",
  CompressedFile: "1.1",
  DocumentEvents: "1.1",
  File: "1.1",
  MatrixBindings: "1.1",
  MatrixCoercion: "1.1",
  PdfFile: "1.1",
  Selection: "1.1",
  Settings: "1.1",
  TableBindings: "1.1",
  TableCoercion: "1.1",
  TextBindings: "1.1",
} as const;

export const PLATFORMS: Readonly<Record<PlatformId, PlatformProfile>> = {
  web: {
    id: "web",
    officePlatform: "OfficeOnline",
    name: "Excel on the web",
    build: "current (Excel on the web has one version)",
    sets: {
      ...COMMON_SETS,
      TextCoercion: "1.1",
      ExcelApi: "1.21",
      // "ExcelApiOnline 1.1 is the only version of the online-only APIs"; not applicable elsewhere.
      ExcelApiOnline: "1.1",
      CustomFunctionsRuntime: "1.5",
      SharedRuntime: "1.2",
      DialogApi: "1.2",
      DialogOrigin: "1.1",
      RibbonApi: "1.3",
      // Identity API and NAA on the web: documents opened from SharePoint Online and OneDrive.
      IdentityAPI: "1.3",
      NestedAppAuth: "1.1",
      AddinCommands: "1.1",
      KeyboardShortcuts: "1.1",
      ContextMenuApi: "1.1",
      TaskPaneApi: "1.1",
      // Not on the web: ExcelApiDesktop, OpenBrowserWindowApi, ImageCoercion.
    },
  },
  windows: {
    id: "windows",
    officePlatform: "PC",
    name: "Excel on Windows (Microsoft 365, Current Channel)",
    build: "Version 2606 (Build 20131.20090)",
    sets: {
      ...COMMON_SETS,
      TextCoercion: "1.1",
      ImageCoercion: "1.1",
      ExcelApi: "1.21",
      ExcelApiDesktop: "1.1",
      CustomFunctionsRuntime: "1.5",
      SharedRuntime: "1.2",
      DialogApi: "1.2",
      DialogOrigin: "1.1",
      RibbonApi: "1.3",
      IdentityAPI: "1.3",
      NestedAppAuth: "1.1",
      OpenBrowserWindowApi: "1.1",
      AddinCommands: "1.1",
      KeyboardShortcuts: "1.1",
      ContextMenuApi: "1.1",
      TaskPaneApi: "1.1",
    },
  },
  mac: {
    id: "mac",
    officePlatform: "Mac",
    name: "Excel on Mac (Microsoft 365)",
    build: "Version 16.110.1 (26062112)",
    sets: {
      // The Common API page lists TextCoercion for Excel on the web, Windows and iPad, not Mac.
      ...COMMON_SETS,
      ImageCoercion: "1.1",
      ExcelApi: "1.21",
      ExcelApiDesktop: "1.1",
      CustomFunctionsRuntime: "1.5",
      SharedRuntime: "1.2",
      DialogApi: "1.2",
      DialogOrigin: "1.1",
      RibbonApi: "1.3",
      IdentityAPI: "1.3",
      NestedAppAuth: "1.1",
      OpenBrowserWindowApi: "1.1",
      AddinCommands: "1.1",
      KeyboardShortcuts: "1.1",
      ContextMenuApi: "1.1",
      TaskPaneApi: "1.1",
    },
  },
  excel2021: {
    id: "excel2021",
    officePlatform: "PC",
    name: "Excel 2021 (Office LTSC 2021, volume-licensed perpetual)",
    build: "Version 2108",
    sets: {
      // The "volume-licensed perpetual/LTSC" column, rows marked "Office 2021".
      ...COMMON_SETS,
      TextCoercion: "1.1",
      ImageCoercion: "1.1",
      ExcelApi: "1.14",
      CustomFunctionsRuntime: "1.3",
      SharedRuntime: "1.1",
      DialogApi: "1.2",
      DialogOrigin: "1.1",
      RibbonApi: "1.2",
      IdentityAPI: "1.3",
      OpenBrowserWindowApi: "1.1",
      AddinCommands: "1.1",
      // Not in Office 2021: ExcelApi 1.15+ (Office 2024), ExcelApiDesktop, SharedRuntime 1.2 (Excel 2024),
      // CustomFunctionsRuntime 1.4+, RibbonApi 1.3, KeyboardShortcuts, ContextMenuApi, TaskPaneApi
      // (Version 2507); NestedAppAuth's page gives LTSC builds for Outlook only.
    },
  },
};

export const PLATFORM_IDS: readonly PlatformId[] = ["web", "windows", "mac", "excel2021"];

function profileOf(profile: PlatformId | PlatformProfile): PlatformProfile {
  if (typeof profile !== "string") return profile;
  const p = PLATFORMS[profile];
  if (!p) throw new Error(`unknown platform profile "${String(profile)}" (expected ${PLATFORM_IDS.join(", ")})`);
  return p;
}

interface Version {
  major: number;
  minor: number;
}

/** Office's RequirementMatrix._getVersion: "1.12" → 1/12, "2" → 2/0; throws on anything else. */
function parseVersion(version: string | number): Version {
  const text = String(version);
  const parts = text.split(".");
  if (parts.length < 2 && isNaN(Number(text))) throw new Error("version format incorrect");
  const major = Number(parts[0]);
  const minor = parts.length >= 2 ? Number(parts[1]) : 0;
  if (isNaN(major) || isNaN(minor)) throw new Error("version format incorrect");
  return { major, minor };
}

/** Compares "major.minor" versions numerically ("1.10" > "1.9"): negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x.major - y.major || x.minor - y.minor;
}

/** The highest version of `set` the profile supports (case-insensitive name), or undefined. */
export function supportedVersion(profile: PlatformId | PlatformProfile, set: string): string | undefined {
  const sets = profileOf(profile).sets;
  const key = Object.keys(sets).find((k) => k.toLowerCase() === set.toLowerCase());
  return key === undefined ? undefined : sets[key];
}

/**
 * `Office.context.requirements.isSetSupported(name, minVersion)` on that
 * platform, with Office's semantics: the name is case-insensitive, a missing
 * minVersion means any version, versions compare as major then minor numbers
 * ("1.10" > "1.9"), and a malformed version or an unknown set is false.
 */
export function isSetSupported(profile: PlatformId | PlatformProfile, name: string, minVersion?: string | number): boolean {
  if (name == null) return false;
  const max = supportedVersion(profile, name);
  if (max === undefined) return false;
  try {
    const have = parseVersion(max);
    const want = parseVersion(minVersion == null ? 0 : minVersion);
    if (have.major > 0 && have.major > want.major) return true;
    return have.major > 0 && have.minor >= 0 && have.major === want.major && have.minor >= want.minor;
  } catch {
    return false;
  }
}

/** An object to install as `Office.context.requirements` for that platform. */
export function requirementsFor(profile: PlatformId | PlatformProfile): { isSetSupported: (name: string, minVersion?: string | number) => boolean } {
  const p = profileOf(profile);
  return { isSetSupported: (name, minVersion) => isSetSupported(p, name, minVersion) };
}

// ---------------------------------------------------------------------------
// The member → requirement set table (decoded lazily from api-sets.generated.ts)

export interface MemberApiSet {
  /** Class (or interface) name in the Excel namespace, as in @types/office-js. */
  readonly className: string;
  /** The member's camelCase name, as the client and @types/office-js spell it. */
  readonly member: string;
  readonly set: string;
  readonly version: string;
  /** True when the member has no `[Api set]` line of its own and takes its class's set. */
  readonly fromClass: boolean;
}

interface DecodedClass {
  readonly classSet: { set: string; version: string } | null;
  /** lower-case member name → entry (null: neither the member nor its class names a set). */
  readonly members: ReadonlyMap<string, MemberApiSet | null>;
}

const decoded = new Map<string, DecodedClass | null>();

function splitSet(code: string): { set: string; version: string } {
  const space = code.indexOf(" ");
  return { set: code.slice(0, space), version: code.slice(space + 1) };
}

function decodeClass(className: string): DecodedClass | null {
  if (decoded.has(className)) return decoded.get(className) ?? null;
  const row = Object.prototype.hasOwnProperty.call(API_SET_TABLE, className) ? API_SET_TABLE[className] : undefined;
  let result: DecodedClass | null = null;
  if (row !== undefined) {
    const [own, ...groups] = row.split("|");
    const classSet = own ? splitSet(own) : null;
    const members = new Map<string, MemberApiSet | null>();
    for (const group of groups) {
      const colon = group.indexOf(":");
      const code = group.slice(0, colon);
      const set = code === "-" ? classSet : splitSet(code);
      for (const member of group.slice(colon + 1).split(",")) {
        members.set(member.toLowerCase(), set ? { className, member, set: set.set, version: set.version, fromClass: code === "-" } : null);
      }
    }
    result = { classSet, members };
  }
  decoded.set(className, result);
  return result;
}

/** The Excel classes and interfaces the table knows. */
export function tableClasses(): string[] {
  return Object.keys(API_SET_TABLE);
}

/** The class's own requirement set (`[Api set]` on the class), or undefined. */
export function classSet(className: string): { set: string; version: string } | undefined {
  return decodeClass(className)?.classSet ?? undefined;
}

/** Whether the table lists `member` on `className` (camelCase or PascalCase, any case). */
export function isKnownMember(className: string, member: string): boolean {
  return decodeClass(className)?.members.has(member.toLowerCase()) ?? false;
}

/**
 * The requirement set of `className.member`. The member may be spelled as the
 * client spells it (`getRange`, `values`) or as RichApi requests do (`GetRange`,
 * `Values`, `DAverage`): the lookup ignores case (no class has two members
 * differing only in case; the table test checks it). Undefined when the table
 * does not list the member, or neither it nor its class names a set (`Excel.run`).
 */
export function memberSet(className: string, member: string): MemberApiSet | undefined {
  return decodeClass(className)?.members.get(member.toLowerCase()) ?? undefined;
}

export type MemberSupport = { ok: true } | { ok: false; set: string; version: string };

/**
 * Whether the platform has `className.member`: ok when its set is supported
 * (or the table does not know the member, or it has no set); otherwise the set
 * and version it needs.
 */
export function memberSupported(profile: PlatformId | PlatformProfile, className: string, member: string): MemberSupport {
  const s = memberSet(className, member);
  if (!s || isSetSupported(profile, s.set, s.version)) return { ok: true };
  return { ok: false, set: s.set, version: s.version };
}

/** The error code Excel uses (`OfficeExtension.ErrorCodes.apiNotFound`). */
export const API_NOT_FOUND = "ApiNotFound";

/**
 * Office's ApiNotFoundDetails message (CoreUtility.s_resourceStringValues):
 * "The method or property {0} is part of the {1} requirement set, which is not
 * available in your version of {2}." with {0} = "Class.member", {1} = "Set X.Y",
 * {2} = the host ("Excel").
 */
export function apiNotFoundMessage(apiFullName: string, set: string, version: string, hostName = "Excel"): string {
  return `The method or property ${apiFullName} is part of the ${set} ${version} requirement set, which is not available in your version of ${hostName}.`;
}

export interface ApiNotFoundError {
  readonly code: typeof API_NOT_FOUND;
  readonly httpStatusCode: 404;
  readonly message: string;
  readonly debugInfo: { readonly errorLocation: string };
}

/**
 * The error Excel's client throws (CommonUtility.throwIfApiNotSupported) for a
 * member outside the platform, or null when the platform has it. The member
 * name may be camelCase or PascalCase; the message uses the client's camelCase.
 */
export function apiNotFoundError(profile: PlatformId | PlatformProfile, className: string, member: string): ApiNotFoundError | null {
  const s = memberSet(className, member);
  if (!s || isSetSupported(profile, s.set, s.version)) return null;
  const apiFullName = `${className}.${s.member}`;
  return {
    code: API_NOT_FOUND,
    httpStatusCode: 404,
    message: apiNotFoundMessage(apiFullName, s.set, s.version),
    debugInfo: { errorLocation: apiFullName },
  };
}
