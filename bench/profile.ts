/**
 * One engine size, timed run by run (for profiling with node --cpu-prof):
 *   node --expose-gc dist-bench/bench/profile.js 100000 [runs]
 */
import { runEngine } from "./engine";
import { generateWorkbook } from "./generate";
import { collect, heapPeak, now } from "./measure";

const n = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 5);
const wb = generateWorkbook({ goals: n });
for (let i = 0; i < runs; i++) {
  collect();
  const t = now();
  const cpu = process.cpuUsage();
  runEngine(wb);
  const used = process.cpuUsage(cpu);
  console.log(`run ${i + 1}: ${(now() - t).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
}
const h = heapPeak(() => runEngine(wb));
console.log(
  `peak heap ${h.peakMB.toFixed(0)} MB, before ${h.beforeMB.toFixed(0)} MB, engine ${h.runPeakMB.toFixed(0)} MB, result ${h.retainedMB.toFixed(0)} MB`,
);
