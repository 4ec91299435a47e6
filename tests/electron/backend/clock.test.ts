import { describe, expect, it } from 'vitest';
import { makeClock } from '../../../electron/backend/clock.ts';

describe('makeClock', () => {
  it('follows the wall clock, but never repeats or goes backwards', () => {
    const readings = [1000, 1000, 1000, 999, 1005, 1002];
    const clock = makeClock(() => readings.shift() ?? 0);
    expect([clock(), clock(), clock(), clock(), clock(), clock()]).toEqual([1000, 1001, 1002, 1003, 1005, 1006]);
  });
});
