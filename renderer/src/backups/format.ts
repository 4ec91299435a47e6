/** "1.2 MB", "840 KB": sizes as a person reads them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export const REASON_LABELS: Record<string, string> = {
  startup: 'At start-up',
  interval: 'While editing',
  'pre-migration': 'Before an update',
  'before-restore': 'Before a restore',
  manual: 'Backed up by you',
  other: 'Backup',
};

export function storiesLabel(count: number | null): string {
  if (count === null) return 'unreadable';
  return `${count} ${count === 1 ? 'story' : 'stories'}`;
}
