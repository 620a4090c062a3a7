import { describe, expect, it } from 'vitest';
import {
  containsInterval,
  intersectIntervals,
  mergeByKey,
  mergeIntervals,
  subtractIntervals,
} from './intervals.ts';

const iv = (start: number, end: number) => ({ start, end });

describe('intervals', () => {
  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(mergeIntervals([iv(5, 8), iv(1, 3), iv(3, 4), iv(7, 10), iv(12, 12)])).toEqual([
      iv(1, 4),
      iv(5, 10),
    ]);
  });

  it('subtracts busy time from free time in one sweep', () => {
    expect(subtractIntervals([iv(0, 10), iv(20, 30)], [iv(2, 4), iv(8, 22), iv(25, 26)])).toEqual([
      iv(0, 2),
      iv(4, 8),
      iv(22, 25),
      iv(26, 30),
    ]);
  });

  it('returns nothing when the cut covers everything', () => {
    expect(subtractIntervals([iv(0, 10)], [iv(-5, 15)])).toEqual([]);
  });

  it('intersects two lists', () => {
    expect(intersectIntervals([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
  });

  it('tells whether a span fits in one interval', () => {
    const list = [iv(0, 10), iv(20, 30), iv(40, 50)];
    expect(containsInterval(list, 20, 30)).toBe(true);
    expect(containsInterval(list, 25, 35)).toBe(false);
    expect(containsInterval(list, 10, 12)).toBe(false);
    expect(containsInterval([], 0, 1)).toBe(false);
  });

  it('groups and merges by key', () => {
    const groups = mergeByKey(
      [
        { key: 'a', start: 0, end: 5 },
        { key: 'b', start: 1, end: 2 },
        { key: 'a', start: 4, end: 8 },
      ],
      (x) => x.key,
    );
    expect(groups.get('a')).toEqual([iv(0, 8)]);
    expect(groups.get('b')).toEqual([iv(1, 2)]);
  });
});
