/**
 * exceljs 4 reads a data validation over a range by storing it once per cell: a list
 * on a whole column (`C1:C1048576`, which Excel users apply all the time) becomes a
 * million entries, seconds and hundreds of MB per column. The command line never needs
 * validations of the files it reads, so the reader keeps each range as one entry
 * (`C1:C1048576`), which exceljs's writer also accepts. If exceljs's internals ever
 * change shape, the patch does nothing and exceljs behaves as shipped.
 */

interface ValidationsXform {
  prototype: {
    parseClose: (this: XformState, name: string) => boolean;
    __goalScorecardsRanges?: boolean;
  };
}

interface XformState {
  _dataValidation?: { formulae?: unknown[]; operator?: unknown };
  _address?: string;
  model?: Record<string, unknown>;
}

function load(): ValidationsXform | null {
  try {
    // A file of exceljs's own, not part of its typed API.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("exceljs/lib/xlsx/xform/sheet/data-validations-xform") as ValidationsXform;
  } catch {
    return null;
  }
}

export function keepValidationRangesWhole(): void {
  const xform = load();
  const proto = xform?.prototype;
  if (!proto || typeof proto.parseClose !== "function" || proto.__goalScorecardsRanges) return;
  const original = proto.parseClose;
  proto.parseClose = function (this: XformState, name: string): boolean {
    const dv = this._dataValidation;
    if (name !== "dataValidation" || !dv || typeof this._address !== "string" || !this.model) return original.call(this, name);
    if (!dv.formulae || dv.formulae.length === 0) {
      delete dv.formulae;
      delete dv.operator;
    }
    for (const address of this._address.split(/\s+/g)) if (address !== "") this.model[address] = dv;
    return true;
  };
  proto.__goalScorecardsRanges = true;
}
