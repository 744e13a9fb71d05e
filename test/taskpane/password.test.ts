/** The pane's password logic (src/taskpane/logic/password.ts): remembered for the session, asked once, wrong said beside the field. */
import { ReviewError } from "../../src/excel/review";
import {
  PasswordMemory,
  PasswordPrompt,
  PromptEvent,
  STALE_PASSWORD,
  WRONG_PASSWORD,
  promptReducer,
  runRemembered,
  runTyped,
  sessionPassword,
} from "../../src/taskpane/logic/password";
import { isPasswordError } from "../../src/taskpane/logic/review";

/** An operation on a workbook locked with `actual` (undefined: no password), recording what it was given. */
function locked(actual: string | undefined) {
  const calls: (string | undefined)[] = [];
  const op = async (password?: string): Promise<string> => {
    calls.push(password);
    if (actual !== undefined && password !== actual)
      throw new ReviewError("The sheet 'Goals' is protected with a password; enter the password used when the cycle was locked.", "password", "password");
    return "done";
  };
  return { op, calls };
}

describe("running an operation", () => {
  test("without a password needed: runs once, with no password (a Draft cycle never gets an old one)", async () => {
    const memory = new PasswordMemory();
    memory.remember("old");
    const { op, calls } = locked(undefined);
    expect(await runRemembered(op, memory, isPasswordError)).toEqual({ ok: true, value: "done" });
    expect(calls).toEqual([undefined]);
  });

  test("needed, nothing remembered: asks (not stale)", async () => {
    const { op, calls } = locked("s3cret");
    const r = await runRemembered(op, new PasswordMemory(), isPasswordError);
    expect(r).toMatchObject({ ok: false, stale: false, message: expect.stringMatching(/protected with a password/) });
    expect(calls).toEqual([undefined]);
  });

  test("the typed password works: remembered, and the next operation does not ask", async () => {
    const memory = new PasswordMemory();
    const { op, calls } = locked("s3cret");
    expect(await runTyped(op, "s3cret", memory, isPasswordError)).toEqual({ ok: true, value: "done" });
    expect(memory.get()).toBe("s3cret");
    expect(await runRemembered(op, memory, isPasswordError)).toEqual({ ok: true, value: "done" });
    expect(calls).toEqual(["s3cret", undefined, "s3cret"]);
  });

  test("a wrong typed password: refused, not remembered", async () => {
    const memory = new PasswordMemory();
    const { op } = locked("s3cret");
    expect(await runTyped(op, "guess", memory, isPasswordError)).toMatchObject({ ok: false, stale: false });
    expect(memory.get()).toBeUndefined();
  });

  test("the remembered password stops working: forgotten, and the dialog says so", async () => {
    const memory = new PasswordMemory();
    memory.remember("old");
    const { op, calls } = locked("new");
    expect(await runRemembered(op, memory, isPasswordError)).toMatchObject({ ok: false, stale: true });
    expect(memory.get()).toBeUndefined();
    expect(calls).toEqual([undefined, "old"]);
  });

  test("other errors are not taken for a password problem, and keep the memory", async () => {
    const memory = new PasswordMemory();
    memory.remember("s3cret");
    const boom = async (): Promise<never> => {
      throw new ReviewError("Choose the goal first.", "input", "goal");
    };
    await expect(runRemembered(boom, memory, isPasswordError)).rejects.toThrow("Choose the goal first.");
    await expect(runTyped(boom, "x", memory, isPasswordError)).rejects.toThrow("Choose the goal first.");
    expect(memory.get()).toBe("s3cret");
  });

  test("the session memory is one for the pane (Review and Settings share it), in memory only", () => {
    sessionPassword.remember("p");
    expect(sessionPassword.get()).toBe("p");
    sessionPassword.remember("");
    expect(sessionPassword.get()).toBeUndefined();
  });
});

describe("the dialog", () => {
  const run = (events: PromptEvent[], from: PasswordPrompt | null = null): PasswordPrompt | null => events.reduce(promptReducer, from);
  const MESSAGE = "The sheet 'Goals' is protected with a password.";
  const ask: PromptEvent = { type: "ask", message: MESSAGE, stale: false };

  test("asked: open, empty, no error; typing fills it", () => {
    expect(run([ask, { type: "type", value: "abc" }])).toEqual({ message: MESSAGE, value: "abc", error: null, busy: false });
  });

  test("a wrong password keeps the dialog open with what was typed and says so beside the field", () => {
    const s = run([ask, { type: "type", value: "guess" }, { type: "submit" }, { type: "wrong", message: "again" }]);
    expect(s).toEqual({ message: "again", value: "guess", error: WRONG_PASSWORD, busy: false });
    // Typing again clears the error.
    expect(run([{ type: "type", value: "guess2" }], s)?.error).toBeNull();
  });

  test("a remembered password that stopped working is said at once", () => {
    expect(run([{ ...ask, stale: true }])?.error).toBe(STALE_PASSWORD);
  });

  test("submitting: busy; an empty password cannot be submitted; nothing typed while busy", () => {
    expect(run([ask, { type: "submit" }])?.busy).toBe(false);
    const busy = run([ask, { type: "type", value: "x" }, { type: "submit" }]);
    expect(busy?.busy).toBe(true);
    expect(run([{ type: "type", value: "y" }], busy)?.value).toBe("x");
  });

  test("it worked, failed otherwise, or was cancelled: closed", () => {
    expect(run([ask, { type: "type", value: "x" }, { type: "submit" }, { type: "close" }])).toBeNull();
  });

  test("no internal sheet name in the words shown", () => {
    expect(`${WRONG_PASSWORD} ${STALE_PASSWORD}`).not.toMatch(/_GoalScorecards|hidden/i);
  });
});
