#!/usr/bin/env node
"use strict";
// `npm run preview`: serves the production build in dist/ over plain http on the
// loopback interface only, so that the preview (preview.html, docs/preview.md)
// opens without certificates. The browser tests start the same server in-process.
//
//   node scripts/preview-server.js [--dir dist] [--port 3001]   (PREVIEW_PORT works too; 0 picks a free port)

const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/**
 * Starts a static file server for `dir` on 127.0.0.1.
 * @param {{ dir?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
function startPreviewServer(options = {}) {
  const root = path.resolve(options.dir ?? path.join(__dirname, "..", "dist"));
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (pathname === "/") {
      res.writeHead(302, { Location: "/preview.html" }).end();
      return;
    }
    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}`);
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://localhost:${port}`,
        port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const dir = path.resolve(arg("dir") ?? path.join(__dirname, "..", "dist"));
  const port = Number(arg("port") ?? process.env.PREVIEW_PORT ?? 3001);
  if (!fs.existsSync(path.join(dir, "preview.html"))) {
    console.error(`${path.relative(process.cwd(), dir) || dir}/preview.html is missing; build first (npm run build).`);
    process.exit(1);
  }
  startPreviewServer({ dir, port }).then(
    (s) => {
      console.log(`Preview (no Excel needed): ${s.url}/preview.html`);
      console.log(`Serving ${path.relative(process.cwd(), dir) || dir} on 127.0.0.1 only. Ctrl+C stops it.`);
    },
    (err) => {
      console.error(`Could not serve the preview on port ${port}: ${err.message}`);
      process.exit(1);
    },
  );
}

module.exports = { startPreviewServer };
