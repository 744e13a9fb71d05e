/** AutoRefresh's event handlers: removed through the context that added them, never stacked. */
import { ExcelHost } from "../../src/excel-host";
import { AutoRefresh, AutoRefreshOptions, Runner } from "../../src/excel/autorefresh";
import { seedReview } from "./review-fixture";

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
  expect(host.eventErrors).toEqual([]);
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
