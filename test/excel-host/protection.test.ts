import { ExcelHost, ExcelHostOptions, HostError, HostProtectionError, installGlobals } from "../../src/excel-host";

async function rejects(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

function host(options: ExcelHostOptions = {}): ExcelHost {
  const h = new ExcelHost(options);
  h.addSheet("Goals");
  h.setValues("Goals", "A1", [
    ["ID", "Actual", "Comment"],
    ["G-1", 10, ""],
  ]);
  return h;
}

async function lock(h: ExcelHost, password?: string): Promise<void> {
  await h.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("Goals");
    s.getRange("C2:C10").format.protection.locked = false;
    s.protection.protect({ allowAutoFilter: true, allowFormatColumns: true }, password);
    await ctx.sync();
  });
}

describe("worksheet protection", () => {
  test("cells are locked by default; protect() stores the options", async () => {
    const h = host();
    await lock(h);
    const s = h.sheet("Goals");
    expect(s?.protected).toBe(true);
    expect(s?.isLocked("B2")).toBe(true);
    expect(s?.isLocked("C2")).toBe(false);
    expect(s?.protectionOptions.allowAutoFilter).toBe(true);
    expect(s?.protectionOptions.allowFormatCells).toBe(false);
    await h.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Goals").protection.load("protected, options");
      const locked = ctx.workbook.worksheets.getItem("Goals").getRange("B2").format.protection.load("locked");
      await ctx.sync();
      expect(p.protected).toBe(true);
      expect(p.options).toMatchObject({ allowAutoFilter: true, allowFormatColumns: true, allowSort: false });
      expect(locked.locked).toBe(true);
    });
  });

  test("writing a locked cell fails with AccessDenied and applies nothing of the batch; an unlocked cell is writable", async () => {
    const h = host();
    await lock(h);
    const err = await rejects(
      h.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem("Goals");
        s.getRange("C2").values = [["fine on its own"]];
        s.getRange("B2").values = [[99]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(err.message).toMatch(/protected sheet/);
    expect(h.getValue("Goals", "B2")).toBe(10);
    expect(h.getValue("Goals", "C2")).toBe(""); // the earlier write in the same sync was rolled back
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("C2").values = [["ok"]];
      await ctx.sync();
    });
    expect(h.getValue("Goals", "C2")).toBe("ok");
  });

  test("a user typing into a locked cell gets HostProtectionError; unlocked cells take the edit", async () => {
    const h = host();
    await lock(h);
    expect(() => h.setCell("Goals", "B2", 5)).toThrow(HostProtectionError);
    h.setCell("Goals", "C2", "typed");
    expect(h.getValue("Goals", "C2")).toBe("typed");
  });

  test("formatting on a protected sheet is refused unless allowed; locking cells is always refused", async () => {
    const h = host();
    await lock(h);
    const fill = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").getRange("C2").format.fill.color = "#FFFF00";
        await ctx.sync();
      }),
    );
    expect(fill.code).toBe("AccessDenied");
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("A:C").format.columnWidth = 120; // allowFormatColumns
      await ctx.sync();
    });
    expect(h.sheet("Goals")?.columnWidth(2)).toBe(120);
    const locked = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").getRange("C3").format.protection.locked = false;
        await ctx.sync();
      }),
    );
    expect(locked.code).toBe("AccessDenied");
  });

  test("protect() on a protected sheet fails; unprotect() on an unprotected sheet is harmless", async () => {
    const h = host();
    await lock(h);
    const again = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").protection.protect();
        await ctx.sync();
      }),
    );
    expect(again.code).toBe("AccessDenied");
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect();
      await ctx.sync();
    });
  });

  test("unprotect with a wrong or missing password fails with InvalidArgument (AccessDenied on Windows); the right one works", async () => {
    const h = host();
    const code = h.profile.id === "windows" || h.profile.id === "excel2021" ? "AccessDenied" : "InvalidArgument";
    await lock(h, "s3cret");
    for (const pw of ["wrong", undefined]) {
      const err = await rejects(
        h.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Goals").protection.unprotect(pw);
          await ctx.sync();
        }),
      );
      expect(err.code).toBe(code);
      expect(h.sheet("Goals")?.protected).toBe(true);
    }
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").protection.unprotect("s3cret");
      ctx.workbook.worksheets.getItem("Goals").getRange("B2").values = [[11]];
      await ctx.sync();
    });
    expect(h.getValue("Goals", "B2")).toBe(11);
  });

  test("a sheet protected without a password: unprotect with any password unprotects it (the argument is ignored)", async () => {
    const h = host();
    await lock(h);
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").protection.unprotect("anything");
      await ctx.sync();
    });
    expect(h.sheet("Goals")?.protected).toBe(false);
  });

  test("wrongPasswordCode: AccessDenied (Windows) for sheets and the workbook structure", async () => {
    const h = host({ wrongPasswordCode: "AccessDenied" });
    await lock(h, "s3cret");
    const sheet = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").protection.unprotect("wrong");
        await ctx.sync();
      }),
    );
    expect([sheet.code, sheet.debugInfo.errorLocation]).toEqual(["AccessDenied", "WorksheetProtection.unprotect"]);
    await h.run(async (ctx) => {
      ctx.workbook.protection.protect("s3cret");
      await ctx.sync();
    });
    const structure = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.protection.unprotect();
        await ctx.sync();
      }),
    );
    expect([structure.code, structure.debugInfo.errorLocation]).toEqual(["AccessDenied", "WorkbookProtection.unprotect"]);
    expect([h.sheet("Goals")?.protected, h.workbookProtected]).toEqual([true, true]);
  });

  test.each(["web", "windows", "mac"] as const)(
    "Microsoft's client (%s) has no checkPassword nor isPasswordProtected (ExcelApiOnline 1.1)",
    async (platform) => {
      // A canary: the adapter learns passwords from unprotect because no published client has
      // these members. When one does, this test says so.
      const h = new ExcelHost({ platform });
      await h.run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem("Sheet1").protection as unknown as Record<string, unknown>;
        expect(typeof p.checkPassword).toBe("undefined");
        expect("isPasswordProtected" in p).toBe(false);
        await ctx.sync();
      });
    },
  );

  test("installGlobals answers isSetSupported as told (default: the host's platform profile)", () => {
    const office = (): { context: { requirements: { isSetSupported(n: string, v?: string): boolean } } } =>
      (globalThis as unknown as { Office: ReturnType<typeof office> }).Office;
    for (const platform of ["web", "windows", "mac", "excel2021"] as const) {
      const restore = installGlobals(new ExcelHost({ platform }));
      expect([platform, office().context.requirements.isSetSupported("ExcelApiOnline", "1.1")]).toEqual([platform, platform === "web"]);
      expect([platform, office().context.requirements.isSetSupported("ExcelApi", "1.15")]).toEqual([platform, platform !== "excel2021"]);
      restore();
    }
    const h = host();
    let restore = installGlobals(h);
    restore();
    restore = installGlobals(h, { isSetSupported: (name) => name !== "ExcelApiOnline" });
    expect([office().context.requirements.isSetSupported("ExcelApiOnline", "1.1"), office().context.requirements.isSetSupported("ExcelApi", "1.7")]).toEqual([
      false,
      true,
    ]);
    restore();
  });

  test("the password is not part of the request payload estimate", async () => {
    const h = host();
    await lock(h, "s3cret-password");
    expect(JSON.stringify(h.stats.requests)).not.toContain("s3cret");
  });

  test("workbook structure protection blocks adding, hiding and deleting sheets", async () => {
    const h = host();
    await h.run(async (ctx) => {
      ctx.workbook.protection.protect();
      await ctx.sync();
    });
    expect(h.workbookProtected).toBe(true);
    const err = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Goals").visibility = "Hidden";
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    const add = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.add("New");
        await ctx.sync();
      }),
    );
    expect(add.code).toBe("AccessDenied");
    expect(h.sheetNames()).toEqual(["Sheet1", "Goals"]);
  });
});

describe("sheets", () => {
  test("very hidden sheets: set by the API, listed, not shown; the last visible sheet cannot be hidden", async () => {
    const h = new ExcelHost();
    await h.run(async (ctx) => {
      const meta = ctx.workbook.worksheets.add("_GoalScorecards");
      meta.visibility = "VeryHidden";
      await ctx.sync();
      const all = ctx.workbook.worksheets.load("items/name, items/visibility");
      await ctx.sync();
      expect(all.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Sheet1", "Visible"],
        ["_GoalScorecards", "VeryHidden"],
      ]);
    });
    expect(h.sheet("_GoalScorecards")?.visibility).toBe("VeryHidden");
    const err = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidOperation");
    const activate = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("_GoalScorecards").activate();
        await ctx.sync();
      }),
    );
    expect(activate.code).toBe("InvalidOperation");
  });

  test("sheet names are unique case-insensitively and validated", async () => {
    const h = new ExcelHost();
    const dup = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.add("sheet1");
        await ctx.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
    const bad = await rejects(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.add("a/b");
        await ctx.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
  });

  test("delete, activate, select, freeze panes, charts", async () => {
    const h = new ExcelHost();
    h.addSheet("Goals");
    h.addSheet("Old");
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Goals");
      ctx.workbook.worksheets.getItem("Old").delete();
      s.activate();
      s.getRange("B3").select();
      s.freezePanes.freezeRows(1);
      s.charts.add("ColumnClustered", s.getRange("A1:B4"), "Columns");
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      expect(sel.address).toBe("Goals!B3");
    });
    expect(h.sheetNames()).toEqual(["Sheet1", "Goals"]);
    expect(h.activeSheet).toBe("Goals");
    expect(h.selection).toEqual({ sheet: "Goals", address: "B3" });
    expect(h.sheet("Goals")?.frozenRows).toBe(1);
    expect(h.sheet("Goals")?.charts).toEqual([expect.objectContaining({ type: "ColumnClustered", source: "Goals!A1:B4", seriesBy: "Columns" })]);
  });

  test("data validation and conditional formats are stored for inspection", async () => {
    const h = new ExcelHost();
    h.addSheet("Goals");
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Goals").getRange("D2:D10");
      r.dataValidation.rule = { list: { inCellDropDown: true, source: "Increase,Decrease" } };
      const cf = r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=$D2="Decrease"';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      await ctx.sync();
      const dv = r.dataValidation.load("rule, type");
      await ctx.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: "Increase,Decrease" } });
    });
    const s = h.sheet("Goals");
    expect(s?.dataValidations).toEqual([{ address: "D2:D10", rule: { list: { inCellDropDown: true, source: "Increase,Decrease" } } }]);
    expect(s?.conditionalFormats).toEqual([
      expect.objectContaining({ address: "D2:D10", type: "Custom", rule: { formula: '=$D2="Decrease"' }, fill: "#FFC7CE", fontColor: "#9C0006" }),
    ]);
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Goals").getRange("D2:D10").dataValidation.clear();
      await ctx.sync();
    });
    expect(h.sheet("Goals")?.dataValidations).toEqual([]);
  });

  test("formats: fill, font, number format; mixed formats read as null", async () => {
    const h = new ExcelHost();
    h.addSheet("Goals");
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Goals");
      s.getRange("A1:C1").format.fill.color = "#DDEBF7";
      s.getRange("A1").format.font.bold = true;
      s.getRange("B2:B3").numberFormat = [["0%"], ["yyyy-mm-dd"]];
      const fill = s.getRange("A1:C1").format.fill.load("color");
      const bold = s.getRange("A1:B1").format.font.load("bold");
      const nf = s.getRange("B2:B3").load("numberFormat");
      await ctx.sync();
      expect(fill.color).toBe("#DDEBF7");
      expect(bold.bold).toBeNull();
      expect(nf.numberFormat).toEqual([["0%"], ["yyyy-mm-dd"]]);
    });
    expect(h.sheet("Goals")?.format("A1")).toMatchObject({ fill: "#DDEBF7", fontBold: true });
  });
});

describe("platform profiles", () => {
  test("a member outside the platform's requirement sets fails as Excel fails it: ApiNotFound with Office's message", async () => {
    // Range.valuesAsJson is ExcelApi 1.16: Office LTSC 2021 has ExcelApi 1.14.
    const lts = new ExcelHost({ platform: "excel2021" });
    const err = await lts
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuesAsJson");
        await ctx.sync();
      })
      .then(
        () => null,
        (e: unknown) => e as HostError,
      );
    expect(err).toMatchObject({
      code: "ApiNotFound",
      message: "The method or property Range.valuesAsJson is part of the ExcelApi 1.16 requirement set, which is not available in your version of Excel.",
    });
    // The same request on Microsoft 365 passes the profile and reaches the workbook.
    const m365 = new ExcelHost({ platform: "windows" });
    const other = await m365
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuesAsJson");
        await ctx.sync();
      })
      .then(
        () => null,
        (e: unknown) => e as HostError,
      );
    expect(other?.code).not.toBe("ApiNotFound");
    expect(other?.message).toMatch(/does not implement Range\.valuesAsJson/);
  });

  test("a method outside the profile fails too (Table.resize is ExcelApi 1.13, for a profile without it)", async () => {
    const h = new ExcelHost();
    h.addSheet("S");
    h.setValues("S", "A1", [["ID"], ["G-1"]]);
    h.addTable("S", "A1:A2", "T");
    h.checkMember = (className, member) => (className === "Table" && member === "Resize" ? new HostError("ApiNotFound", "not here", "Table.resize") : null);
    const err = await h
      .run(async (ctx) => {
        ctx.workbook.tables.getItem("T").resize("S!A1:A3");
        await ctx.sync();
      })
      .then(
        () => null,
        (e: unknown) => e as HostError,
      );
    expect(err?.code).toBe("ApiNotFound");
    expect(h.table("T")?.address).toBe("S!A1:A2");
  });
});
