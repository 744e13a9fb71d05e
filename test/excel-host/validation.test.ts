/** Data validation: Excel checks what a user types, not what the API writes or a plain paste brings. */
import { ExcelHost, HostValidationError } from "../../src/excel-host";

async function withList(errorAlert?: Partial<Excel.DataValidationErrorAlert>, source = "Increase,Decrease, At least"): Promise<ExcelHost> {
  const h = new ExcelHost();
  h.addSheet("Goals");
  h.setValues("Goals", "E1", [["Lists"], ["Weighted"], ["Worst"]]);
  await h.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Goals").getRange("B2:B20");
    r.dataValidation.rule = { list: { inCellDropDown: true, source } };
    if (errorAlert) r.dataValidation.errorAlert = errorAlert as Excel.DataValidationErrorAlert;
    await ctx.sync();
  });
  return h;
}

function typing(h: ExcelHost, value: string): () => void {
  return () => h.setCell("Goals", "B2", value);
}

describe("list validation and what a user types", () => {
  test("the default Stop alert refuses a value not in the list and keeps the old value", async () => {
    const h = await withList();
    h.setCell("Goals", "B2", "Decrease");
    expect(typing(h, "up")).toThrow(HostValidationError);
    expect(typing(h, ">=")).toThrow("This value doesn't match the data validation restrictions defined for this cell.");
    expect(h.getValue("Goals", "B2")).toBe("Decrease");
  });

  test("list items match case-insensitively and trimmed; clearing is not validated", async () => {
    const h = await withList();
    h.setCell("Goals", "B2", "increase");
    h.setCell("Goals", "B3", "at least");
    h.setCell("Goals", "B4", "'Decrease");
    h.setCell("Goals", "B2", "");
    expect(h.getValues("Goals", "B2:B4")).toEqual([[""], ["at least"], ["Decrease"]]);
  });

  test("a custom Stop alert shows its own title and message", async () => {
    const h = await withList({ showAlert: true, style: "Stop", title: "Direction", message: "Pick from the list." });
    let refusal: unknown;
    try {
      h.setCell("Goals", "B2", "up");
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(HostValidationError);
    expect(refusal).toMatchObject({ title: "Direction", message: "Pick from the list.", sheet: "Goals", address: "B2", value: "up" });
  });

  test.each([
    ["Warning", { showAlert: true, style: "Warning", title: "", message: "" }],
    ["Information", { showAlert: true, style: "Information", title: "", message: "" }],
    ["no alert", { showAlert: false, style: "Stop", title: "", message: "" }],
  ])("%s: the user keeps the value", async (_name, alert) => {
    const h = await withList(alert as Excel.DataValidationErrorAlert);
    h.setCell("Goals", "B2", "up");
    expect(h.getValue("Goals", "B2")).toBe("up");
  });

  test("a list from a range reference", async () => {
    const h = await withList(undefined, "=$E$2:$E$3");
    h.setCell("Goals", "B2", "worst");
    expect(typing(h, "Sum")).toThrow(HostValidationError);
  });

  test("API writes and a plain paste are not validated; DataValidation.valid tells", async () => {
    const h = await withList();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("B2").values = [["up"]];
      await ctx.sync();
    });
    h.setValues("Goals", "B3", [["↑"]]);
    expect(h.getValues("Goals", "B2:B3")).toEqual([["up"], ["↑"]]);
    const valid = await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Goals");
      const all = [s.getRange("B2:B3"), s.getRange("B2:B4"), s.getRange("B4:B5")].map((r) => {
        r.dataValidation.load("valid");
        return r;
      });
      await ctx.sync();
      return all.map((r) => r.dataValidation.valid);
    });
    // B4:B5 are blank (ignoreBlanks), B2:B3 hold values not in the list.
    expect(valid).toEqual([false, null, true]);
  });
});

test("an alert title over 32 characters or a message over 225 is refused at sync", async () => {
  const h = new ExcelHost();
  h.addSheet("Goals");
  const set = (alert: Partial<Excel.DataValidationErrorAlert>): Promise<void> =>
    h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("B2").dataValidation.errorAlert = {
        showAlert: true,
        style: "Information",
        title: "",
        message: "",
        ...alert,
      };
      await ctx.sync();
    });
  await set({ title: "t".repeat(32), message: "m".repeat(225) });
  await expect(set({ title: "t".repeat(33) })).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(set({ message: "m".repeat(226) })).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(set({ style: "Loud" as Excel.DataValidationAlertStyle })).rejects.toMatchObject({ code: "InvalidArgument" });
});
