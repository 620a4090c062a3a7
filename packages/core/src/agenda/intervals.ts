/** A half-open time interval [start, end) in epoch milliseconds (UTC). */
export interface Interval {
  start: number;
  end: number;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, non-overlapping, non-touching union of the intervals; empty intervals are dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** `base` minus `cuts`, both sorted and merged: one linear sweep. */
export function subtractIntervals(base: readonly Interval[], cuts: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let c = 0;
  for (const interval of base) {
    let start = interval.start;
    while (c < cuts.length && cuts[c]!.end <= start) c++;
    let k = c;
    while (k < cuts.length && cuts[k]!.start < interval.end) {
      const cut = cuts[k]!;
      if (cut.start > start) result.push({ start, end: cut.start });
      if (cut.end > start) start = cut.end;
      if (start >= interval.end) break;
      k++;
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

/** Intersection of two sorted, merged lists. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (start < end) result.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return result;
}

/** Whether [start, end) lies entirely inside one interval of a sorted, merged list (binary search). */
export function containsInterval(sorted: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const interval = sorted[mid]!;
    if (interval.end <= start) lo = mid + 1;
    else if (interval.start > start) hi = mid - 1;
    else return interval.end >= end;
  }
  return false;
}

/** Groups intervals by a key, each group merged. */
export function mergeByKey<T extends Interval>(
  items: readonly T[],
  key: (item: T) => string,
): Map<string, Interval[]> {
  const groups = new Map<string, Interval[]>();
  for (const item of items) {
    const k = key(item);
    let group = groups.get(k);
    if (!group) {
      group = [];
      groups.set(k, group);
    }
    group.push({ start: item.start, end: item.end });
  }
  for (const [k, group] of groups) groups.set(k, mergeIntervals(group));
  return groups;
}
