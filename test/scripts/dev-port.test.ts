/**
 * The dev server's port (scripts/lib/dev-port.js): every way `npm start` is told a
 * port, the refusals, the free-port check and the message when the port is taken.
 */
import net from "net";
import fs from "fs";
import path from "path";
import fc from "fast-check";
import { DEV_URL, devUrl, rewriteManifestUrls } from "../../scripts/lib/manifest-url";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devPort = require("../../scripts/lib/dev-port") as {
  DEFAULT_PORT: number;
  PortError: new (message: string) => Error;
  parsePort: (text: string, where: string) => number;
  choosePort: (args: readonly string[], env: Record<string, string | undefined>) => { port: number; from: string };
  configuredPort: (env: Record<string, string | undefined>) => number;
  isPortFree: (port: number) => Promise<boolean>;
  nextFreePort: (port: number, free?: (port: number) => Promise<boolean>) => Promise<number | null>;
  portInUseMessage: (port: number, suggestion: number | null) => string;
  logShowsPortInUse: (log: string) => boolean;
};
const { DEFAULT_PORT, PortError, parsePort, choosePort, configuredPort, isPortFree, nextFreePort, portInUseMessage, logShowsPortInUse } = devPort;

const ROOT = path.resolve(__dirname, "..", "..");

describe("choosePort: how npm start is told the port", () => {
  test.each<[string, string[], Record<string, string>, number, string]>([
    ["nothing: 3000", [], {}, 3000, "default"],
    ["package.json's config (npm sets npm_package_config_dev_server_port)", [], { npm_package_config_dev_server_port: "3000" }, 3000, "package.json"],
    ["npm start -- --port 3001", ["--port", "3001"], { npm_package_config_dev_server_port: "3000" }, 3001, "--port"],
    ["npm start -- --port=3002", ["--port=3002"], { npm_package_config_dev_server_port: "3000" }, 3002, "--port"],
    ["npm start -- -p 3003", ["-p", "3003"], {}, 3003, "--port"],
    ["npm start --port 3004 (npm keeps the flag: npm_config_port=true, argument 3004)", ["3004"], { npm_config_port: "true" }, 3004, "--port"],
    ["npm start --port=3005 (npm_config_port=3005)", [], { npm_config_port: "3005" }, 3005, "--port"],
    ["npm start 3006", ["3006"], {}, 3006, "argument"],
    ["PORT=3007 npm start", [], { PORT: "3007", npm_package_config_dev_server_port: "3000" }, 3007, "PORT"],
    ["--port wins over PORT", ["--port", "3008"], { PORT: "3007" }, 3008, "--port"],
    ["a blank PORT is no choice", [], { PORT: " ", npm_package_config_dev_server_port: "3010" }, 3010, "package.json"],
  ])("%s", (_, args, env, port, from) => {
    expect(choosePort(args, env)).toEqual({ port, from });
  });

  test.each<[string, string[], Record<string, string>, RegExp]>([
    ["a word", ["--port", "abc"], {}, /^--port must be a port number such as 3001, not "abc"\.$/],
    ["a port below 1024", ["--port", "80"], {}, /^--port must be a port number from 1024 to 65535, not 80\.$/],
    ["a port above 65535", ["--port=70000"], {}, /from 1024 to 65535, not 70000/],
    ["--port with nothing after it", ["--port"], {}, /^--port needs a port number after it, e.g. npm start -- --port 3001$/],
    ["npm start --port with nothing after it", [], { npm_config_port: "true" }, /^--port needs a port number/],
    ["npm start --port abc", ["abc"], { npm_config_port: "true" }, /^--port must be a port number such as 3001, not "abc"\.$/],
    ["a bad PORT", [], { PORT: "3000x" }, /^PORT must be a port number such as 3001, not "3000x"\.$/],
    ["an unknown option", ["--host", "x"], {}, /^Unknown option "--host"\. To pick the port: npm start -- --port 3001 \(or PORT=3001 npm start\)\.$/],
  ])("refuses %s, saying what to type", (_, args, env, message) => {
    let caught: unknown;
    try {
      choosePort(args, env);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PortError);
    expect((caught as Error).message).toMatch(message);
  });

  test("any port from 1024 to 65535 given any way is the port chosen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1024, max: 65535 }), fc.constantFrom("flag", "equals", "npm", "PORT"), (port, how) => {
        const text = String(port);
        const [args, env]: [string[], Record<string, string>] =
          how === "flag"
            ? [["--port", text], {}]
            : how === "equals"
              ? [[`--port=${text}`], {}]
              : how === "npm"
                ? [[], { npm_config_port: text }]
                : [[], { PORT: text }];
        return choosePort(args, env).port === port;
      }),
    );
  });

  test("parsePort trims, and rejects signs, decimals and blanks", () => {
    expect(parsePort(" 4000 ", "PORT")).toBe(4000);
    for (const bad of ["-3001", "+3001", "3001.5", "", "3e3"]) expect(() => parsePort(bad, "PORT")).toThrow(PortError);
  });

  test("webpack.config.js's port: PORT (what npm start passes on), else package.json, else 3000; npm's flag is npm start's", () => {
    expect(configuredPort({})).toBe(DEFAULT_PORT);
    expect(configuredPort({ npm_package_config_dev_server_port: "3100" })).toBe(3100);
    expect(configuredPort({ PORT: "3101", npm_package_config_dev_server_port: "3100" })).toBe(3101);
    expect(configuredPort({ PORT: "3102", npm_config_port: "3103" })).toBe(3102);
    expect(configuredPort({ npm_config_port: "true" })).toBe(DEFAULT_PORT);
  });
});

describe("a port in use", () => {
  test("isPortFree is false while another program listens on the port, true after", async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const port = (other.address() as net.AddressInfo).port;
    expect(await isPortFree(port)).toBe(false);
    await new Promise<void>((resolve) => other.close(() => resolve()));
    expect(await isPortFree(port)).toBe(true);
  });

  test("nextFreePort skips the taken ports, and gives up after 20", async () => {
    const taken = new Set([3001, 3002]);
    const tried: number[] = [];
    const free = async (p: number) => {
      tried.push(p);
      return !taken.has(p);
    };
    expect(await nextFreePort(3000, free)).toBe(3003);
    expect(tried).toEqual([3001, 3002, 3003]);
    expect(await nextFreePort(3000, async () => false)).toBeNull();
    expect(await nextFreePort(65535, async () => true)).toBeNull();
  });

  test("the message says what is wrong and the command to type, with the free port found", () => {
    const text = portInUseMessage(3000, 3001);
    expect(text).toMatch(/^Port 3000 is already in use by another program, so the dev server cannot start there\./);
    expect(text).toContain("`npm stop` ends the one `npm start` started");
    expect(text).toContain("or start on another port (3001 is free):");
    expect(text).toContain("  npm start -- --port 3001\n  (or: PORT=3001 npm start)");
    expect(text).not.toMatch(/\bat \w+ \(|Error:/); // no stack trace
    // No free port found: still a command to try, without claiming it is free.
    const none = portInUseMessage(4000, null);
    expect(none).toContain("npm start -- --port 4001");
    expect(none).not.toContain("is free");
  });

  test("webpack-dev-server's EADDRINUSE in the log is recognised; other failures are not", () => {
    expect(logShowsPortInUse("Error: listen EADDRINUSE: address already in use 127.0.0.1:3000\n    at Server.setupListenHandle")).toBe(true);
    expect(logShowsPortInUse("Module not found: Error: Can't resolve './x'")).toBe(false);
  });
});

describe("the development URLs follow the port", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  test("every https://localhost:3000 of manifest.xml moves to the port, the app domain too", () => {
    expect(devUrl(3000)).toBe(DEV_URL);
    const moved = rewriteManifestUrls(manifest, devUrl(3001));
    const before = manifest.split("https://localhost:3000").length - 1;
    expect(before).toBeGreaterThan(10);
    expect(moved).not.toContain("localhost:3000");
    expect(moved.split("https://localhost:3001").length - 1).toBe(before);
    expect(moved).toContain("<AppDomain>https://localhost:3001</AppDomain>");
  });

  test("package.json's config and the README agree on the default port", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { config: { dev_server_port: number } };
    expect(pkg.config.dev_server_port).toBe(DEFAULT_PORT);
    expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toContain("npm start -- --port 3001");
  });
});
