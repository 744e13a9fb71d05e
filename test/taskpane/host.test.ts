import { OUTSIDE_OFFICE_MESSAGE, describeHost, detectHost, type OfficeLike } from "../../src/taskpane/host";

describe("describeHost", () => {
  it("names the Office host", () => {
    expect(describeHost({ host: "Excel", platform: "PC" })).toBe("Running in Excel");
  });

  it("reports preview mode outside Office", () => {
    expect(describeHost(undefined)).toBe(OUTSIDE_OFFICE_MESSAGE);
    expect(describeHost(null)).toBe("Running outside Office (preview)");
    // Office.js loaded in a plain browser: onReady resolves with host null.
    expect(describeHost({ host: null, platform: null })).toBe(OUTSIDE_OFFICE_MESSAGE);
    expect(describeHost({})).toBe(OUTSIDE_OFFICE_MESSAGE);
  });
});

describe("detectHost", () => {
  it("returns undefined when Office.js is not loaded", async () => {
    await expect(detectHost(undefined)).resolves.toBeUndefined();
  });

  it("returns undefined when Office is not defined globally (Node)", async () => {
    await expect(detectHost()).resolves.toBeUndefined();
  });

  it("waits for Office.onReady", async () => {
    const office: OfficeLike = { onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }) };
    await expect(detectHost(office)).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
  });

  it("gives up when Office.onReady never answers", async () => {
    const office: OfficeLike = { onReady: () => new Promise(() => undefined) };
    await expect(detectHost(office, 10)).resolves.toBeUndefined();
  });

  it("treats a rejected onReady as outside Office", async () => {
    const office: OfficeLike = { onReady: () => Promise.reject(new Error("no host")) };
    await expect(detectHost(office)).resolves.toBeUndefined();
  });
});
