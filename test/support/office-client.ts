// Every host in the tests answers Microsoft's own Excel client library (@microsoft/office-js),
// loaded in a Node vm context when a test first makes a host. GOAL_PLATFORM picks the
// platform (web, windows, mac, excel2021); `npm run test:platforms` runs the adapter
// suites under each.
import { PlatformName, setClientLoader } from "../../src/excel-host/client";
import { loadOfficeClient } from "../../src/excel-host/node-client";

const PLATFORMS: readonly PlatformName[] = ["web", "windows", "mac", "excel2021"];
const wanted = process.env.GOAL_PLATFORM ?? "web";
if (!(PLATFORMS as readonly string[]).includes(wanted)) {
  throw new Error(`GOAL_PLATFORM=${wanted}: expected one of ${PLATFORMS.join(", ")}`);
}
setClientLoader((platform) => loadOfficeClient(platform, () => true), wanted as PlatformName);
