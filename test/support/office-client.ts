// Every host in the tests answers Microsoft's own Excel client library (@microsoft/office-js),
// loaded in a Node vm context when a test first makes a host. GOAL_PLATFORM picks the
// platform (web, windows, mac, excel2021); `npm run test:platforms` runs the adapter
// suites under each.
import { PlatformName, setClientLoader } from "../../src/excel-host/client";
import { loadOfficeClient } from "../../src/excel-host/node-client";
import { PLATFORM_IDS, requirementsFor } from "../../src/excel-host/platforms";

const wanted = process.env.GOAL_PLATFORM ?? "web";
if (!(PLATFORM_IDS as readonly string[]).includes(wanted)) {
  throw new Error(`GOAL_PLATFORM=${wanted}: expected one of ${PLATFORM_IDS.join(", ")}`);
}
// The client asks Office.context.requirements too (e.g. before delayForCellEdit): it answers per profile.
setClientLoader((platform) => loadOfficeClient(platform, requirementsFor(platform).isSetSupported), wanted as PlatformName);
