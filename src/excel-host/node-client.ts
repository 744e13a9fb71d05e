/**
 * Loads Microsoft's Excel client library (`@microsoft/office-js`) in a Node `vm` context,
 * for tests and the benchmark. Node only: the browser preview loads the same file with a
 * script tag instead (src/preview). Each platform has its own build of the library.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { OfficeClient, PlatformName } from "./client";

/** The build of the library each platform runs (Excel 2021 is a Windows build). */
export const CLIENT_BUILDS: Record<PlatformName, string> = {
  web: "excel-web-16.00.debug.js",
  windows: "excel-win32-16.01.debug.js",
  mac: "excel-mac-16.00.debug.js",
  excel2021: "excel-win32-16.01.debug.js",
};

/** Answers `Office.context.requirements.isSetSupported` for the client (per platform). */
export type SetSupport = (name: string, version?: string | number) => boolean;

function distDir(): string {
  return path.dirname(require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js"));
}

const scripts = new Map<string, vm.Script>();

/** A fresh client for a platform, in a context of its own (nothing shared with other clients). */
export function loadOfficeClient(platform: PlatformName, isSetSupported: SetSupport): OfficeClient {
  const file = path.join(distDir(), CLIENT_BUILDS[platform]);
  let script = scripts.get(file);
  if (!script) {
    script = new vm.Script(fs.readFileSync(file, "utf8"), { filename: file });
    scripts.set(file, script);
  }
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    Promise,
    navigator: { userAgent: `goal-scorecards-test (${platform})` },
    Office: { context: { requirements: { isSetSupported } } },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  script.runInContext(context);
  const Excel = sandbox.Excel as typeof globalThis.Excel | undefined;
  const OfficeExtension = sandbox.OfficeExtension as typeof globalThis.OfficeExtension | undefined;
  if (!Excel || !OfficeExtension) throw new Error(`${CLIENT_BUILDS[platform]} did not define Excel and OfficeExtension`);
  return { Excel, OfficeExtension, platform };
}
