/** How many backups are kept: the newest few, one per day for a week, and never more than a fixed total. */
export const RETENTION = { recent: 3, days: 7, max: 10 } as const;

export interface DatedBackup {
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** The calendar day (in the machine's time zone) a moment falls on, e.g. "2026-03-09". */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The days from `now`'s day back over `count` calendar days (counted by date, so a DST change skips none). */
function recentDays(now: number, count: number): string[] {
  const days: string[] = [];
  const cursor = new Date(now);
  for (let i = 0; i < count; i++) {
    days.push(localDay(cursor.getTime()));
    cursor.setDate(cursor.getDate() - 1);
  }
  return days;
}

/**
 * Which backups to keep and which to delete: the `recent` newest; the newest of each of the last `days` calendar
 * days (today included); at most `max` in all (the newest win). Pure: the caller deletes the files.
 */
export function planRetention<T extends DatedBackup>(
  backups: readonly T[],
  now: number,
  policy: { recent: number; days: number; max: number } = RETENTION,
): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
  const kept = new Set<T>(newestFirst.slice(0, policy.recent));
  const days = new Set(recentDays(now, policy.days));
  const seenDays = new Set<string>();
  for (const backup of newestFirst) {
    const day = localDay(backup.createdAt);
    if (days.has(day) && !seenDays.has(day)) {
      seenDays.add(day);
      kept.add(backup);
    }
  }
  const keep = newestFirst.filter((b) => kept.has(b)).slice(0, policy.max);
  const keepSet = new Set(keep);
  return { keep, remove: newestFirst.filter((b) => !keepSet.has(b)) };
}
