/**
 * The engine runs unchanged in Excel's JavaScript runtime, a browser and Node:
 * src/core imports nothing but itself and zod, and names no host global.
 */
import * as fs from "fs";
import * as path from "path";

const CORE = path.join(__dirname, "..", "..", "src", "core");
/** Every .ts file under src/core, as a path relative to it (`rules/data.ts`). */
const files = (fs.readdirSync(CORE, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => f.split(path.sep).join("/"));

test("src/core has source files", () => expect(files.length).toBeGreaterThan(5));

test.each(files)("%s imports only src/core and zod", (file) => {
  const text = fs.readFileSync(path.join(CORE, file), "utf8");
  const imports = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  for (const spec of imports) {
    const inside = spec.startsWith(".") && !path.relative(CORE, path.resolve(path.dirname(path.join(CORE, file)), spec)).startsWith("..");
    expect(spec === "zod" || inside).toBe(true);
  }
});

test.each(files)("%s names no host global (Office, Excel, window, document, process, Buffer)", (file) => {
  const code = fs
    .readFileSync(path.join(CORE, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""');
  // A template literal's text is not code, but what is inside its `${…}` is.
  const withoutTemplates = code.replace(/`(?:\\.|\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}|[^`\\])*`/g, (t) =>
    [...t.matchAll(/\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)].map((m) => `(${m[1]})`).join(";"),
  );
  expect(withoutTemplates).not.toMatch(/(?<![.\w$])(Office|Excel|CustomFunctions|OfficeRuntime|window|document|process|Buffer|require)\s*[.(]/);
});
