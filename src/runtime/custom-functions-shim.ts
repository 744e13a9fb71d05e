/**
 * Loaded just before src/functions/functions.ts in the functions bundle.
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(...)`
 * calls to functions.ts; inside Excel, Office.js defines `CustomFunctions`.
 * When taskpane.html is opened outside Office (or Office.js could not be
 * fetched) there is no `Office` at all, and those calls would throw. In that
 * case only, define a no-op stand-in so the page loads cleanly.
 */
const g = globalThis as { Office?: unknown; CustomFunctions?: { associate?: unknown } };

// The preview loads Microsoft's Excel client library alone (no office.js): it defines a
// `CustomFunctions` object of its own, without `associate`.
if (typeof g.CustomFunctions?.associate !== "function") {
  g.CustomFunctions = {
    ...(g.CustomFunctions ?? {}),
    associate: () => undefined,
  };
  console.info("Goal Scorecards: Office.js is not loaded; custom functions are not registered (preview mode).");
}

export {};
