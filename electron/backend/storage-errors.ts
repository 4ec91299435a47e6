import { AppError } from '../../shared/ipc/result.ts';

/** The SQLite result code of an error thrown by better-sqlite3 (e.g. "SQLITE_FULL", "SQLITE_IOERR_WRITE"). */
function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export const STORAGE_MESSAGES = {
  full:
    'The disk is full, so your latest changes could not be saved. They are kept in the editor: free some space ' +
    'and saving resumes by itself.',
  readOnly:
    'Story Bank cannot write to its database file (the file or its folder is read-only). Your latest changes are ' +
    'kept in the editor: make the folder writable and saving resumes by itself.',
  failed:
    'The disk reported an error while saving, so your latest changes were not saved. They are kept in the editor ' +
    'and saving is tried again.',
} as const;

/**
 * Turns a storage failure (disk full, read-only file, I/O error) into an AppError with a message a person can act
 * on; anything else is not a storage failure and gives null.
 */
export function storageErrorFor(error: unknown): AppError | null {
  const code = sqliteCode(error);
  if (code === null) {
    const errno = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (errno === 'ENOSPC') return new AppError('storage-full', STORAGE_MESSAGES.full);
    if (errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM') return new AppError('read-only', STORAGE_MESSAGES.readOnly);
    if (errno === 'EIO') return new AppError('storage-failed', STORAGE_MESSAGES.failed);
    return null;
  }
  if (code === 'SQLITE_FULL') return new AppError('storage-full', STORAGE_MESSAGES.full);
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_PERM') {
    return new AppError('read-only', STORAGE_MESSAGES.readOnly);
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('storage-failed', STORAGE_MESSAGES.failed);
  }
  return null;
}
