/** Office's theme → light or dark Fluent theme. Pure (the caller passes Office.context.officeTheme). */

export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

/** Relative luminance below 0.5 counts as dark; unknown colours are light. */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => c / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function themeKind(theme: OfficeThemeLike | null | undefined): "light" | "dark" {
  return isDarkColor(theme?.bodyBackgroundColor) ? "dark" : "light";
}
