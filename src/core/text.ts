/**
 * Text compared loosely (S3 titles, owners, units): trimmed, in lower case, each run of
 * white space read as one space. The fast forms compare and hash without making the
 * loose text for ASCII, which is most text (docs/engine.md "Performance rules").
 */

/** `s` trimmed, in lower case, each run of white space one space. */
export function looseText(s: string): string {
  const t = s.trim().toLowerCase();
  return SPACE_RUN.test(t) ? t.replace(/\s+/g, " ") : t;
}
/** Two white-space characters in a row, or one that is not a plain space: text `looseText` must rewrite. */
const SPACE_RUN = /\s\s|[^\S ]/;

/**
 * looseText(a) === looseText(b), without making either: printable ASCII is compared
 * letter by letter ignoring case; at the first white space or other character, looseText decides.
 */
export function sameLooseText(a: string, b: string): boolean {
  if (a === b) return true;
  const len = a.length < b.length ? a.length : b.length;
  for (let j = 0; j < len; j++) {
    const x = a.charCodeAt(j);
    const y = b.charCodeAt(j);
    if (x > 32 && x < 127 && y > 32 && y < 127) {
      if ((x >= 65 && x <= 90 ? x + 32 : x) !== (y >= 65 && y <= 90 ? y + 32 : y)) return false;
      continue;
    }
    // Spaces in the same places trim and fold alike.
    if (x === 32 && y === 32) continue;
    break;
  }
  return looseText(a) === looseText(b);
}

/**
 * A hash (FNV-1a) of looseText(s), worked out without making it for ASCII text: leading
 * and trailing white space dropped, runs of it read as one space, A–Z as a–z. Text beyond
 * ASCII is hashed through looseText(s), which gives the same hash for the same loose text.
 */
export function looseTextHash(s: string): number {
  let h = FNV_BASIS;
  let space = false;
  let started = false;
  for (let j = 0; j < s.length; j++) {
    let c = s.charCodeAt(j);
    if (c >= 128) return hashChars(looseText(s));
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = started;
      continue;
    }
    if (space) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
    started = true;
  }
  return h;
}

function hashChars(t: string): number {
  let h = FNV_BASIS;
  for (let j = 0; j < t.length; j++) h = Math.imul(h ^ t.charCodeAt(j), FNV_PRIME);
  return h;
}
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Words separated by white space (as `split(/\s+/)` finds them), counted up to `limit`. */
export function countWords(text: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words >= limit) return words;
    inWord = !space;
  }
  return words;
}

/** What `\s` matches in a regular expression. */
function isWhiteSpace(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
