/** The Type, Level, Direction and Rollup dropdowns accept what the engine reads (spec model.md synonyms). */
import { ENUM_SYNONYMS } from "../../src/core/columns";
import { convert, dropdownAlert } from "../../src/excel/convert";
import { refresh } from "../../src/excel/refresh";
import { newHost, seedMessySheet } from "./fixtures";

async function converted() {
  const host = newHost();
  seedMessySheet(host);
  const result = await host.run((ctx) => convert(ctx, { source: { kind: "sheet", sheet: "Goals sheet" } }));
  const table = host.table(result.tableName);
  if (!table) throw new Error("no table");
  const [, corner] = table.address.split("!");
  const first = /^([A-Z]+)(\d+)/.exec(corner);
  if (!first) throw new Error(table.address);
  const colOf = (name: string): string => {
    const i = table.columns.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    let n = first[1].charCodeAt(0) - 64 + i;
    let s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  /** The cell of `column` for data row `i` (0-based). */
  const cell = (column: string, i: number): string => `${colOf(column)}${Number(first[2]) + 1 + i}`;
  return { host, cell };
}

test("typed synonyms are kept in Excel and read by the engine", async () => {
  const { host, cell } = await converted();
  // What an HR analyst types instead of picking from the list.
  host.setCell("Goals sheet", cell("Direction", 0), "up");
  host.setCell("Goals sheet", cell("Direction", 1), ">=");
  host.setCell("Goals sheet", cell("Direction", 2), "lower is better");
  host.setCell("Goals sheet", cell("Type", 0), "kr");
  host.setCell("Goals sheet", cell("Level", 1), "dept");
  host.setCell("Goals sheet", cell("Rollup", 0), "worst");
  expect(host.getValue("Goals sheet", cell("Direction", 1))).toBe(">=");
  const r = await host.run((ctx) => refresh(ctx));
  const g = r.evaluation.goals;
  expect([g[0].direction, g[1].direction, g[2].direction]).toEqual(["Increase", "At least", "Decrease"]);
  expect(g[0].type).toBe("Key Result");
  expect(r.evaluation.findings.filter((f) => f.code === "E4")).toEqual([]);
});

test("every synonym of model.md can be typed in its column", async () => {
  const { host, cell } = await converted();
  const columns = { type: "Type", level: "Level", direction: "Direction", rollup: "Rollup" } as const;
  for (const [field, header] of Object.entries(columns) as [keyof typeof columns, string][]) {
    for (const spellings of Object.values(ENUM_SYNONYMS[field]) as string[][]) {
      for (const s of spellings) expect(() => host.setCell("Goals sheet", cell(header, 0), s)).not.toThrow();
    }
  }
});

test("the dropdown lists the canonical values; a value the engine does not know is kept and reported (E4)", async () => {
  const { host, cell } = await converted();
  const rules = host.sheet("Goals sheet")?.dataValidations ?? [];
  expect(rules.map((v) => v.rule)).toContainEqual({ list: { inCellDropDown: true, source: "Increase,Decrease,At least,At most,Milestone" } });
  expect(() => host.setCell("Goals sheet", cell("Direction", 0), "sideways")).not.toThrow();
  const r = await host.run((ctx) => refresh(ctx));
  expect(r.evaluation.findings.filter((f) => f.code === "E4").map((f) => f.message)).toEqual([expect.stringContaining("sideways")]);
});

test("the alert is an Information alert that names the other spellings, within Excel's lengths", async () => {
  for (const [field, header] of [
    ["type", "Type"],
    ["level", "Level"],
    ["direction", "Direction"],
    ["rollup", "Rollup"],
  ] as const) {
    const alert = dropdownAlert(field, header);
    expect(alert).toMatchObject({ showAlert: true, style: "Information" });
    expect(alert.title.length).toBeLessThanOrEqual(32);
    expect(alert.message.length).toBeLessThanOrEqual(225);
    expect(alert.title).toContain(header);
  }
  expect(dropdownAlert("direction", "Direction").message).toMatch(/up, .*>=/);
  const { host, cell } = await converted();
  const v = await host.run(async (ctx) => {
    const dv = ctx.workbook.worksheets.getItem("Goals sheet").getRange(cell("Direction", 0)).dataValidation;
    dv.load("errorAlert");
    await ctx.sync();
    return dv.errorAlert;
  });
  expect(v).toEqual(dropdownAlert("direction", "Direction"));
});
