/**
 * The text Excel shows for a value under a number format (`Range.text`), for the
 * common formats, en-US: `0`, `0.00`, `0%`, `0.0%`, `#,##0`, `#,##0.00`, dates
 * (`yyyy-mm-dd`, `d/m/yy` …); anything else is shown as General. The host's
 * `Range.text` and the preview's grid both show cells through it.
 */
import { ymdFromSerial } from "./entry";
import { Scalar } from "./model";

/** The text Excel shows for `v` with `numberFormat` (General when it is not one of the common formats). */
export function formattedText(v: Scalar, numberFormat: string, dateSystem: 1900 | 1904 = 1900): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const nf = numberFormat.trim();
  const pct = /^0(?:\.(0+))?%$/.exec(nf);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^0(?:\.(0+))?$/.exec(nf);
  if (fixed) return v.toFixed(fixed[1]?.length ?? 0);
  const grouped = /^#,##0(?:\.(0+))?$/.exec(nf);
  if (grouped) {
    const d = grouped[1]?.length ?? 0;
    return v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  if (/[yd]/i.test(nf) && !/[hs]/i.test(nf) && v >= 0 && v < 2_958_466) {
    const [y, m, d] = ymdFromSerial(v, dateSystem);
    return nf
      .toLowerCase()
      .replace(/yyyy/g, String(y))
      .replace(/yy/g, String(y).slice(-2))
      .replace(/mm/g, String(m).padStart(2, "0"))
      .replace(/dd/g, String(d).padStart(2, "0"))
      .replace(/\bm\b/g, String(m))
      .replace(/\bd\b/g, String(d));
  }
  return String(Number(v.toPrecision(11)));
}
