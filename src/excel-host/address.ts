/** Rectangles of cells for the host (0-based, inclusive) and address arguments; A1 text itself is core/a1. */
import { Address, MAX_COLUMNS, MAX_ROWS, Rect, parseAddress } from "../core/a1";
import { ErrorCode, HostError } from "./errors";

export function rect(r0: number, c0: number, r1: number = r0, c1: number = c0): Rect {
  return { r0, c0, r1, c1 };
}

export function rows(r: Rect): number {
  return r.r1 - r.r0 + 1;
}
export function cols(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

function bad(address: string): HostError {
  return new HostError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
}

/** Parses an address argument as Office.js does (`A1`, `A1:C4`, `A:C`, `2:5`, optionally with a sheet); throws InvalidArgument when it is not one. */
export function addressArgument(address: string): Address {
  const a = parseAddress(address);
  if (!a) throw bad(address);
  return a;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? rect(r0, c0, r1, c1) : null;
}

export function bounding(a: Rect, b: Rect): Rect {
  return rect(Math.min(a.r0, b.r0), Math.min(a.c0, b.c0), Math.max(a.r1, b.r1), Math.max(a.c1, b.c1));
}

export function contains(a: Rect, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

export function inBounds(x: Rect): boolean {
  return x.r0 >= 0 && x.c0 >= 0 && x.r1 < MAX_ROWS && x.c1 < MAX_COLUMNS && x.r0 <= x.r1 && x.c0 <= x.c1;
}

/** Cell key in a sheet's sparse map. */
export function key(r: number, c: number): number {
  return r * MAX_COLUMNS + c;
}
export function keyRow(k: number): number {
  return Math.floor(k / MAX_COLUMNS);
}
export function keyCol(k: number): number {
  return k % MAX_COLUMNS;
}
