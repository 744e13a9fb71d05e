/** AutoRefresh's event handlers: removed through the context that added them, never stacked. */
import { ExcelHost } from "../../src/excel-host";
import { AutoRefresh, AutoRefreshOptions, Runner } from "../../src/excel/autorefresh";
import { SerialQueue } from "../../src/excel/queue";
import { createServices } from "../../src/taskpane/services";
import { ACTOR, CHECKIN_ROWS, advanceTo, seedReview } from "./review-fixture";

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

function follow(host: ExcelHost, timers: (() => void)[]): AutoRefresh {
  const run: Runner = (batch) => host.run(batch);
  const options: AutoRefreshOptions = {
    runIn: (context, batch) => host.run(context, batch),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
  };
  return new AutoRefresh(run, options);
}

test("after stop() no handler fires", async () => {
  const host = await seedReview();
  const timers: (() => void)[] = [];
  const auto = follow(host, timers);
  expect(await auto.start()).toBe(2); // Goals and CheckIns
  host.setCell("Goals", "N2", 151);
  await tick();
  expect(timers).toHaveLength(1);
  await auto.stop();
  host.setCell("Goals", "N2", 152);
  host.setCell("CheckIns", "C2", 121);
  await tick();
  expect(timers).toHaveLength(1);
});

test("starting again, or restart(), leaves exactly one handler per table", async () => {
  const host = await seedReview();
  const timers: (() => void)[] = [];
  const auto = follow(host, timers);
  await auto.start();
  await auto.start();
  expect(await auto.restart()).toBe(2);
  expect(auto.listening).toBe(2);
  host.setCell("Goals", "N2", 151);
  await tick();
  expect(timers).toHaveLength(1); // one handler on Goals, not three
  await auto.stop();
});

describe("the add-in's own writes and review operations", () => {
  test("a refresh's own writes (triggerSource ThisLocalAddin) schedule no second refresh; a check-in typed below CheckIns does", async () => {
    const host = await seedReview();
    await advanceTo(host, "Active");
    const timers: (() => void)[] = [];
    const refreshed: number[] = [];
    const run: Runner = (batch) => host.run(batch);
    const auto = new AutoRefresh(run, {
      runIn: (context, batch) => host.run(context, batch),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
      onRefreshed: (r) => refreshed.push(r.cellsWritten),
    });
    await auto.start();
    host.setCell("Goals", "N2", 200); // G-1 reaches its target
    await tick();
    expect(timers).toHaveLength(1);
    timers[0]();
    await tick();
    expect(refreshed.length).toBe(1);
    expect(refreshed[0]).toBeGreaterThan(0); // it wrote Progress, Score …, which fired onChanged
    await tick();
    expect(timers).toHaveLength(1);
    host.setCell("CheckIns", `A${CHECKIN_ROWS.length + 2}`, "G-1"); // below the table, on a protected sheet
    await tick();
    expect(timers).toHaveLength(2);
    await auto.stop();
  });

  test("a refresh asked for while a review operation runs waits until it has ended", async () => {
    const host = await seedReview();
    const log: string[] = [];
    let active = 0;
    let most = 0;
    const runner: Runner = async (batch) => {
      active++;
      most = Math.max(most, active);
      try {
        return await host.run(batch);
      } finally {
        active--;
      }
    };
    const services = createServices(runner);
    const timers: (() => void)[] = [];
    const auto = services.autoRefresh({
      runIn: (context, batch) => host.run(context, batch),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
      onRefreshed: () => log.push("refreshed"),
    });
    await auto.start();
    host.setCell("Goals", "N2", 180);
    await tick();
    expect(timers).toHaveLength(1);
    const op = services.review.changeState({ to: "Active", actor: ACTOR }).then(() => log.push("review done"));
    timers[0](); // the debounce ends while the operation runs
    await op;
    for (let i = 0; i < 20 && log.length < 2; i++) await tick();
    expect(log).toEqual(["review done", "refreshed"]);
    expect(most).toBe(1);
    await auto.stop();
  });
});

test("the queue runs tasks one at a time, in order, and a failure does not block the next", async () => {
  const queue = new SerialQueue();
  const order: string[] = [];
  const slow = queue.run(async () => {
    await tick();
    order.push("slow");
  });
  const failing = queue.run(async () => {
    order.push("failing");
    throw new Error("no");
  });
  const last = queue.run(async () => {
    order.push("last");
    return 3;
  });
  expect(queue.size).toBe(3);
  await slow;
  await expect(failing).rejects.toThrow("no");
  await expect(last).resolves.toBe(3);
  expect(order).toEqual(["slow", "failing", "last"]);
  expect(queue.size).toBe(0);
});
