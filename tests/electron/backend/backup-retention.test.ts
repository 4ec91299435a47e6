import { describe, expect, it } from 'vitest';
import { localDay, planRetention, RETENTION } from '../../../electron/backend/backup-retention.ts';

// Local-time constructors: the policy counts calendar days in the machine's time zone.
const at = (day: number, hour: number, minute = 0): number => new Date(2026, 2, day, hour, minute).getTime();
const backup = (ms: number) => ({ name: `b-${ms}`, createdAt: ms });
const names = (list: { name: string }[]) => list.map((b) => b.name);

describe('backup retention', () => {
  it('keeps everything while there are few backups', () => {
    const list = [backup(at(10, 9)), backup(at(10, 10))];
    expect(planRetention(list, at(10, 12)).remove).toEqual([]);
  });

  it('keeps the three newest and the newest of each of the last seven days, nothing else', () => {
    const now = at(20, 18);
    const list = [
      // Today: five backups, the three newest are "recent".
      ...[9, 10, 11, 12, 13].map((h) => backup(at(20, h))),
      // One day back: two; only the newest is kept (as that day's).
      backup(at(19, 8)),
      backup(at(19, 17)),
      // Six days back: the last day of the window.
      backup(at(14, 12)),
      // Seven days back: outside the window.
      backup(at(13, 23, 59)),
    ];
    const { keep, remove } = planRetention(list, now);
    expect(names(keep)).toEqual(names([backup(at(20, 13)), backup(at(20, 12)), backup(at(20, 11)), backup(at(19, 17)), backup(at(14, 12))]));
    expect(names(remove).sort()).toEqual(
      names([backup(at(20, 9)), backup(at(20, 10)), backup(at(19, 8)), backup(at(13, 23, 59))]).sort(),
    );
  });

  it('keeps the three newest however old they are (an app not opened for a month keeps its last states)', () => {
    const list = [backup(at(1, 9)), backup(at(2, 9)), backup(at(3, 9)), backup(at(4, 9))];
    const { keep } = planRetention(list, new Date(2026, 4, 1).getTime());
    expect(names(keep)).toEqual(names([backup(at(4, 9)), backup(at(3, 9)), backup(at(2, 9))]));
  });

  it('never keeps more than ten, the newest winning', () => {
    const list = Array.from({ length: 40 }, (_, i) => backup(at(20 - Math.floor(i / 4), 20 - (i % 4))));
    const { keep } = planRetention(list, at(20, 23));
    expect(keep.length).toBeLessThanOrEqual(RETENTION.max);
    expect(keep[0]?.createdAt).toBe(at(20, 20));
    // A tighter maximum is honoured too.
    expect(planRetention(list, at(20, 23), { recent: 3, days: 7, max: 5 }).keep).toHaveLength(5);
  });

  it('counts calendar days, not 24-hour spans', () => {
    expect(localDay(at(20, 0, 1))).toBe('2026-03-20');
    expect(localDay(at(19, 23, 59))).toBe('2026-03-19');
    // 00:30 today and 23:30 yesterday are an hour apart but on two days: both are that day's newest.
    const list = [backup(at(20, 0, 30)), backup(at(19, 23, 30)), ...[1, 2, 3].map((m) => backup(at(20, 12, m)))];
    expect(names(planRetention(list, at(20, 13)).keep)).toContain(`b-${at(19, 23, 30)}`);
    expect(names(planRetention(list, at(20, 13)).keep)).not.toContain(`b-${at(20, 0, 30)}`);
  });
});
