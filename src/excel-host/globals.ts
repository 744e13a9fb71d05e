/**
 * Installs `Excel`, `Office` and `OfficeExtension` globals backed by an ExcelHost,
 * for the browser preview and for tests of code that uses the globals.
 */
import { ExcelHost, RunOptions } from "./host";
import { requirementsFor } from "./platforms";

export interface GlobalsOptions {
  /**
   * What `Office.context.requirements.isSetSupported(name, minVersion)` answers (default: the
   * host's platform profile, src/excel-host/platforms.ts).
   */
  isSetSupported?: (name: string, minVersion?: string | number) => boolean;
}

/**
 * Installs the globals of Microsoft's client the host answers (`Excel`, `OfficeExtension`),
 * with `Excel.run` bound to this host's session, and a small `Office` (onReady, host Excel,
 * requirements); returns a function that restores what was there before.
 */
export function installGlobals(host: ExcelHost, options: GlobalsOptions = {}): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const platform = host.profile.officePlatform;
  const info = { host: "Excel", platform };
  const excel: Record<string, unknown> = Object.create(host.client.Excel) as Record<string, unknown>;
  excel.run = (a: RunOptions | object | ((ctx: Excel.RequestContext) => Promise<unknown>), b?: (ctx: Excel.RequestContext) => Promise<unknown>) =>
    typeof a === "function"
      ? host.run(a as (ctx: Excel.RequestContext) => Promise<unknown>)
      : host.run(a as RunOptions, b as (ctx: Excel.RequestContext) => Promise<unknown>);
  g.Excel = excel;
  g.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    context: { host: "Excel", platform, requirements: { isSetSupported: options.isSetSupported ?? requirementsFor(host.profile).isSetSupported } },
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  g.OfficeExtension = host.client.OfficeExtension;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
