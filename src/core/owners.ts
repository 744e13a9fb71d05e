/** Goals by Owner: owners spelled alike after trimming, case and spaces share one number. */
import { looseText } from "./text";

/**
 * Owners as numbers. Each spelling is made loose once (most rows repeat an owner
 * written the same way), and the last spelling is tried first (goals of one owner are
 * often listed together).
 */
export class OwnerNumbers {
  private readonly ids = new Map<string, number>();
  private readonly bySpelling = new Map<string, number>();
  private lastSpelling = "";
  private lastId = -1;
  get count(): number {
    return this.ids.size;
  }
  of(owner: string): number {
    if (owner === this.lastSpelling) return this.lastId;
    let id = this.bySpelling.get(owner);
    if (id === undefined) {
      const key = looseText(owner);
      id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.ids.size));
      this.bySpelling.set(owner, id);
    }
    this.lastSpelling = owner;
    this.lastId = id;
    return id;
  }
}

export interface OwnerGroups {
  count: number;
  /** Each goal's owner number, -1 without an owner. */
  of: Int32Array;
  /** Owner o's goals are `goals[start[o]]` … `goals[start[o + 1] - 1]`, in row order. */
  start: Int32Array;
  goals: Int32Array;
}

/** Each owner's goals in row order, from each goal's owner number (-1 without one). */
export function ownerGroups(of: Int32Array, count: number): OwnerGroups {
  const n = of.length;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (of[i] >= 0) start[of[i] + 1]++;
  for (let o = 0; o < count; o++) start[o + 1] += start[o];
  const list = new Int32Array(start[count]);
  const next = start.slice(0, count);
  for (let i = 0; i < n; i++) if (of[i] >= 0) list[next[of[i]]++] = i;
  return { count, of, start, goals: list };
}
