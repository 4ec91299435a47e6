import type { ErrorCode } from '../../../shared/ipc/result.ts';

/** Codes that mean "the disk said no": shown as a banner over the whole window until a save goes through. */
const STORAGE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['storage-full', 'read-only', 'storage-failed']);

export interface StorageAlert {
  code: ErrorCode;
  message: string;
}

type Listener = (alert: StorageAlert | null) => void;
const listeners = new Set<Listener>();
let current: StorageAlert | null = null;

export function subscribeStorageAlerts(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

function publish(next: StorageAlert | null): void {
  current = next;
  for (const listener of listeners) listener(next);
}

/** Called with every answer from the backend: a storage failure raises the banner, a successful save clears it. */
export function noteResult(channel: string, result: { ok: true } | { ok: false; error: StorageAlert }): void {
  if (!result.ok) {
    if (STORAGE_CODES.has(result.error.code)) publish({ code: result.error.code, message: result.error.message });
    return;
  }
  if (current !== null && channel !== 'stories.list' && channel !== 'stories.get' && channel.startsWith('stories.')) {
    publish(null);
  }
}
