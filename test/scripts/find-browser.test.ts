/**
 * Which browser the browser tests use (scripts/lib/find-browser.js): E2E_BROWSER,
 * CHROMIUM_PATH, the browsers found on the machine in order, then the Chromium
 * bundled in @sparticuz/chromium. The machine is simulated: `isExecutable` answers
 * for the file system.
 */
import fs from "fs";
import os from "os";
import path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fb = require("../../scripts/lib/find-browser") as {
  BUNDLED_PACKAGE: string;
  BrowserError: new (message: string) => Error;
  KNOWN_PATHS: Record<"linux" | "darwin", string[]>;
  systemCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[];
  chooseBrowser(o: {
    env: Record<string, string | undefined>;
    platform: NodeJS.Platform;
    arch: string;
    isExecutable: (file: string) => boolean;
    bundledInstalled: boolean;
  }): { kind: "system"; path: string; from: string } | { kind: "bundled"; from: string };
  isExecutable(file: string): boolean;
  bundledPackageDir(): string | null;
};

const ROOT = path.resolve(__dirname, "..", "..");

/** A Linux x64 machine with these executables, and the bundled package installed. */
function linux(
  files: string[],
  env: Record<string, string | undefined> = {},
  extra: { bundledInstalled?: boolean; arch?: string; platform?: NodeJS.Platform } = {},
) {
  const set = new Set(files);
  const asked: string[] = [];
  const choice = () =>
    fb.chooseBrowser({
      env: { PATH: "/usr/local/bin:/usr/bin:/bin", ...env },
      platform: extra.platform ?? "linux",
      arch: extra.arch ?? "x64",
      isExecutable: (f) => {
        asked.push(f);
        return set.has(f);
      },
      bundledInstalled: extra.bundledInstalled ?? true,
    });
  return { choice, asked };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(fb.BrowserError);
    return (e as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("the order in which a browser is found", () => {
  test("Debian's chromium first, as CI installs it", () => {
    expect(linux(["/usr/bin/chromium", "/usr/bin/google-chrome"]).choice()).toEqual({ kind: "system", path: "/usr/bin/chromium", from: "found" });
  });

  test("then chromium-browser (Ubuntu), google-chrome, google-chrome-stable, microsoft-edge", () => {
    const order = ["/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge"];
    for (let i = 0; i < order.length; i++) {
      expect(linux(order.slice(i)).choice()).toEqual({ kind: "system", path: order[i], from: "found" });
    }
  });

  test("then the same names on PATH, in PATH's order", () => {
    const { choice, asked } = linux(["/usr/local/bin/google-chrome", "/bin/chromium"]);
    expect(choice()).toEqual({ kind: "system", path: "/usr/local/bin/google-chrome", from: "found" });
    // Known paths first, then PATH's folders one after the other.
    expect(asked.slice(0, 5)).toEqual(fb.KNOWN_PATHS.linux);
    expect(asked.slice(5, 8)).toEqual(["/usr/local/bin/chromium", "/usr/local/bin/chromium-browser", "/usr/local/bin/google-chrome"]);
  });

  test("no browser on the machine: the bundled Chromium, after every known place was tried", () => {
    const { choice, asked } = linux([]);
    expect(choice()).toEqual({ kind: "bundled", from: "fallback" });
    expect(asked).toEqual(fb.systemCandidates("linux", { PATH: "/usr/local/bin:/usr/bin:/bin" }));
    expect(asked).toContain("/bin/google-chrome-stable");
  });

  test("CHROMIUM_PATH comes before every browser found", () => {
    expect(linux(["/usr/bin/chromium", "/opt/chrome/chrome"], { CHROMIUM_PATH: "/opt/chrome/chrome" }).choice()).toEqual({
      kind: "system",
      path: "/opt/chrome/chrome",
      from: "CHROMIUM_PATH",
    });
  });

  test("a CHROMIUM_PATH with nothing there is refused, not silently replaced", () => {
    expect(refusal(linux(["/usr/bin/chromium"], { CHROMIUM_PATH: "/opt/none" }).choice)).toBe(
      "CHROMIUM_PATH is /opt/none, but there is no browser there. Correct it, or unset it to use a browser found on this machine.",
    );
  });

  test("E2E_BROWSER=bundled forces the bundled Chromium, even with a browser installed and CHROMIUM_PATH set", () => {
    for (const value of ["bundled", " Bundled "]) {
      const { choice, asked } = linux(["/usr/bin/chromium", "/opt/c"], { E2E_BROWSER: value, CHROMIUM_PATH: "/opt/c" });
      expect(choice()).toEqual({ kind: "bundled", from: "E2E_BROWSER" });
      expect(asked).toEqual([]);
    }
  });

  test("E2E_BROWSER=system never falls back; auto and blank are the default order", () => {
    expect(refusal(linux([], { E2E_BROWSER: "system" }).choice)).toMatch(
      /\(E2E_BROWSER=system: the bundled Chromium is not used\)\. Install Chromium or Chrome, or set CHROMIUM_PATH to one\.$/,
    );
    expect(linux(["/usr/bin/chromium"], { E2E_BROWSER: "system" }).choice()).toEqual({ kind: "system", path: "/usr/bin/chromium", from: "found" });
    expect(linux([], { E2E_BROWSER: "auto" }).choice()).toEqual({ kind: "bundled", from: "fallback" });
    expect(linux([], { E2E_BROWSER: "" }).choice()).toEqual({ kind: "bundled", from: "fallback" });
  });

  test("an unknown E2E_BROWSER is refused", () => {
    expect(refusal(linux([], { E2E_BROWSER: "firefox" }).choice)).toBe('E2E_BROWSER must be "bundled", "system" or "auto", not "firefox".');
  });

  test("the bundled Chromium is Linux x64 only: elsewhere, with no browser, the message says what to install", () => {
    const arm = refusal(linux([], {}, { arch: "arm64" }).choice);
    expect(arm).toMatch(
      /^No browser for the browser tests: none of \/usr\/bin\/chromium, .* is there, and the bundled Chromium \(@sparticuz\/chromium\) runs on Linux x64 only\. Install Chromium or Chrome, or set CHROMIUM_PATH to one\.$/,
    );
    expect(refusal(linux([], { E2E_BROWSER: "bundled" }, { platform: "darwin" }).choice)).toBe(
      "E2E_BROWSER=bundled: the bundled Chromium (@sparticuz/chromium) runs on Linux x64 only, not on darwin x64.",
    );
    expect(refusal(linux([], { E2E_BROWSER: "bundled" }, { bundledInstalled: false }).choice)).toBe(
      "E2E_BROWSER=bundled: @sparticuz/chromium is not installed; run npm ci.",
    );
    expect(refusal(linux([], {}, { bundledInstalled: false }).choice)).toMatch(/^No browser for the browser tests/);
  });

  test("on a Mac: Chromium, Chrome, Edge in /Applications", () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(linux([chrome], {}, { platform: "darwin", arch: "arm64" }).choice()).toEqual({ kind: "system", path: chrome, from: "found" });
  });

  test("on Windows: Chrome, then Edge, under Program Files and the user's AppData", () => {
    const env = { PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\ann\\AppData\\Local" };
    expect(fb.systemCandidates("win32", env)).toEqual([
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe",
      "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
      "C:\\Users\\ann\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe",
    ]);
  });
});

describe("the machine itself", () => {
  test("isExecutable: a file with the x bit is, a plain file, a folder and nothing are not", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "find-browser-"));
    try {
      const exe = path.join(dir, "chromium");
      fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o755 });
      const plain = path.join(dir, "plain");
      fs.writeFileSync(plain, "", { mode: 0o644 });
      expect(fb.isExecutable(exe)).toBe(true);
      expect(fb.isExecutable(dir)).toBe(false);
      expect(fb.isExecutable(path.join(dir, "none"))).toBe(false);
      // root may execute anything with an x bit, and nothing without one
      expect(fb.isExecutable(plain)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the bundled Chromium arrives with npm ci: a pinned devDependency whose Node range allows Node 20.19, with the files it is unpacked from", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string>; engines: { node: string } };
    const wanted = pkg.devDependencies[fb.BUNDLED_PACKAGE];
    expect(wanted).toMatch(/^\d+\.\d+\.\d+$/); // exact: 147.0.1 and later need Node 22
    const dir = fb.bundledPackageDir();
    expect(dir).not.toBeNull();
    const installed = JSON.parse(fs.readFileSync(path.join(dir as string, "package.json"), "utf8")) as { version: string; engines: { node: string } };
    expect(installed.version).toBe(wanted);
    expect(installed.engines.node).toBe(">=20.11.0");
    expect(pkg.engines.node).toBe(">=20.19");
    for (const f of ["chromium.br", "swiftshader.tar.br", "fonts.tar.br", "al2023.tar.br"]) {
      expect(fs.statSync(path.join(dir as string, "bin", f)).size).toBeGreaterThan(0);
    }
  });
});
