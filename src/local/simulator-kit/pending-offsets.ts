/**
 * Which offsets a simulator may commit. A consumed message stays "pending" until everything it
 * asked for is published (for an application, the college's last decision, possibly weeks of
 * clock time later); the committable offset of a partition is its lowest pending offset, or the
 * one after the highest consumed when none is pending. A restart therefore reads again exactly
 * the messages whose answers were not all sent, and sends them again with the same message ids.
 */
export class PendingOffsets {
  private readonly pending = new Map<number, Set<bigint>>();
  private readonly highest = new Map<number, bigint>();
  private readonly committed = new Map<number, bigint>();

  /** A message of `partition` at `offset` was consumed and is pending. */
  begin(partition: number, offset: string): void {
    const o = BigInt(offset);
    let set = this.pending.get(partition);
    if (!set) this.pending.set(partition, (set = new Set()));
    set.add(o);
    const h = this.highest.get(partition);
    if (h === undefined || o > h) this.highest.set(partition, o);
    // The first offset read is where the group stands: nothing below it to commit.
    if (!this.committed.has(partition)) this.committed.set(partition, o);
  }

  /**
   * The message is done. Returns the offset to commit for its partition when it moved past the
   * last one committed, else null.
   */
  done(partition: number, offset: string): string | null {
    this.pending.get(partition)?.delete(BigInt(offset));
    const next = this.committable(partition);
    if (next === null) return null;
    const last = this.committed.get(partition) ?? -1n;
    if (next <= last) return null;
    this.committed.set(partition, next);
    return next.toString();
  }

  /** Messages consumed and not done yet, over all partitions. */
  size(): number {
    let n = 0;
    for (const s of this.pending.values()) n += s.size;
    return n;
  }

  /** Forget what was committed for a partition (after a failed commit, so the next done() tries again). */
  forget(partition: number): void {
    this.committed.set(partition, -1n);
  }

  private committable(partition: number): bigint | null {
    const set = this.pending.get(partition);
    if (set && set.size > 0) {
      let min: bigint | null = null;
      for (const o of set) if (min === null || o < min) min = o;
      return min;
    }
    const h = this.highest.get(partition);
    return h === undefined ? null : h + 1n;
  }
}
