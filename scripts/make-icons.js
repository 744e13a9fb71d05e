#!/usr/bin/env node
"use strict";
// Draws the Goal Scorecards logo (a green rounded square with a white target
// and a rising bar) and writes assets/icon-<size>.png for each size the
// manifest uses. Run with `npm run icons`; the PNGs are committed.

const fs = require("fs");
const path = require("path");
const { encodePng } = require("./lib/png");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4; // 4x4 samples per pixel for smooth edges

const BACKGROUND = [16, 124, 65]; // Excel green #107C41
const FOREGROUND = [255, 255, 255];
const ACCENT = [255, 185, 0]; // amber bar

/** Signed distance to a rounded square of half-size 1 centred on 0 (unit coordinates -1..1). */
function roundedSquareInside(x, y, radius) {
  const qx = Math.abs(x) - (1 - radius);
  const qy = Math.abs(y) - (1 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius <= 0;
}

/**
 * Colour of the logo at unit coordinates (x, y in -1..1), or null for transparent.
 * @returns {number[] | null}
 */
function logoColour(x, y) {
  if (!roundedSquareInside(x, y, 0.32)) return null;
  // Rising bar in the lower right corner, drawn over the target.
  if (x > 0.42 && x < 0.74 && y > -0.05 && y < 0.74) return ACCENT;
  // Target centred a little up and left: rings and a bullseye.
  const r = Math.hypot(x + 0.12, y + 0.1);
  if (r < 0.17) return FOREGROUND;
  if (r > 0.3 && r < 0.42) return FOREGROUND;
  if (r > 0.55 && r < 0.67) return FOREGROUND;
  return BACKGROUND;
}

/** @param {number} size */
function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / n) / size) * 2 - 1;
          const c = logoColour(x, y);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, SIZES };
