/** Sizes of the production bundles per entry point (dist/*.js), raw and gzipped. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  entry: string;
  file: string;
  bytes: number | null;
  gzipBytes: number | null;
  /** For the functions bundle: no React / Fluent UI code in it. */
  uiFree?: boolean;
  note?: string;
}

/** Marks of UI code that the functions bundle must not hold. */
const UI_MARKS = [/react\.(transitional\.)?element/, /__SECRET_INTERNALS_DO_NOT_USE/, /@fluentui/, /makeStyles|__styles/, /react-dom/];

export function bundleSizes(root: string): BundleSize[] {
  return ["taskpane", "functions"].map((entry) => {
    const file = join("dist", `${entry}.js`);
    const path = join(root, file);
    if (!existsSync(path)) return { entry, file, bytes: null, gzipBytes: null, note: "not built: run npm run build" };
    const data = readFileSync(path);
    const out: BundleSize = { entry, file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    if (entry === "functions") {
      const text = data.toString("utf8");
      out.uiFree = !UI_MARKS.some((m) => m.test(text));
    }
    return out;
  });
}
