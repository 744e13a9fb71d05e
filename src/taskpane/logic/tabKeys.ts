/**
 * Keyboard moves in the task pane's tab bar (WAI-ARIA tabs pattern, manual
 * activation): Left/Right move to the previous/next tab and wrap around, Home and
 * End to the first and last. Enter or Space then opens the view (the tab is a
 * button). Tab enters the bar on the open view's tab and leaves it at once.
 */
export type TabKey = "ArrowLeft" | "ArrowRight" | "Home" | "End";

/** The tab to focus after `key`, or null when the key is not one of the bar's. `current` is -1 when no tab has focus. */
export function nextTabIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case "ArrowRight":
      return current < 0 ? 0 : (current + 1) % count;
    case "ArrowLeft":
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
