/**
 * What the roll-up and the cross-goal rules need of each goal, taken as the goal is read
 * (a second pass over 100,000 goal objects costs more than most rules), one typed array
 * per field.
 */
import { RollupMode, levelRank } from "./columns";
import { Goal } from "./model";
import { OwnerNumbers } from "./owners";
import { AlignmentColumns, isUnaligned } from "./rules/relevant";
import { TitleColumns } from "./rules/specific";
import { WeightColumns, isBlankWeight } from "./rules/weights";
import { looseTextHash } from "./text";

export class GoalColumns implements TitleColumns, AlignmentColumns, WeightColumns {
  /** Rollup mode (Weighted when blank). */
  readonly modes: RollupMode[];
  /** The owner's number (owners.ts), -1 for none. */
  readonly ownerOf: Int32Array;
  /** Hash of the loose Title (0 with none) and Cycle (text.ts), for S3. */
  readonly titleHash: Int32Array;
  readonly cycleHash: Int32Array;
  readonly hasTitle: Uint8Array;
  /** The Weight cell is blank (W2). */
  readonly blankWeight: Uint8Array;
  /** The Level's rank, 0 for none (R3). */
  readonly levelRank: Uint8Array;
  /** No Parent ID and not a Company goal (R2). */
  readonly unaligned: Uint8Array;
  /** Target and Baseline, NaN for blank (A3). */
  readonly target: Float64Array;
  readonly baseline: Float64Array;
  private readonly owners = new OwnerNumbers();
  constructor(n: number) {
    this.modes = new Array<RollupMode>(n);
    this.ownerOf = new Int32Array(n);
    this.titleHash = new Int32Array(n);
    this.cycleHash = new Int32Array(n);
    this.hasTitle = new Uint8Array(n);
    this.blankWeight = new Uint8Array(n);
    this.levelRank = new Uint8Array(n);
    this.unaligned = new Uint8Array(n);
    this.target = new Float64Array(n);
    this.baseline = new Float64Array(n);
  }
  /** How many owners the goals have (spelled alike, one owner). */
  get ownerCount(): number {
    return this.owners.count;
  }
  take(i: number, g: Goal): void {
    this.modes[i] = g.rollupGiven ?? "Weighted";
    this.ownerOf[i] = g.owner === null ? -1 : this.owners.of(g.owner);
    this.hasTitle[i] = g.title === null ? 0 : 1;
    this.titleHash[i] = g.title === null ? 0 : looseTextHash(g.title);
    this.cycleHash[i] = looseTextHash(g.cycle ?? "");
    this.blankWeight[i] = isBlankWeight(g) ? 1 : 0;
    this.levelRank[i] = g.level === null ? 0 : levelRank(g.level);
    this.unaligned[i] = isUnaligned(g) ? 1 : 0;
    this.target[i] = g.target ?? NaN;
    this.baseline[i] = g.baseline ?? NaN;
  }
}
