import { describe, expect, it } from 'vitest';
import { storageErrorFor } from '../../../electron/backend/storage-errors.ts';

describe('storage error mapping', () => {
  it.each([
    ['SQLITE_FULL', 'storage-full'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_IOERR', 'storage-failed'],
    ['SQLITE_IOERR_WRITE', 'storage-failed'],
    ['SQLITE_IOERR_FSYNC', 'storage-failed'],
    ['SQLITE_CANTOPEN', 'storage-failed'],
    ['ENOSPC', 'storage-full'],
    ['EROFS', 'read-only'],
  ])('%s becomes %s with a message', (code, expected) => {
    const error = Object.assign(new Error('low-level text'), { code });
    const mapped = storageErrorFor(error);
    expect(mapped?.code).toBe(expected);
    expect(mapped?.message).not.toContain('low-level text');
    expect(mapped?.message.length).toBeGreaterThan(40);
  });

  it('leaves other errors alone', () => {
    expect(storageErrorFor(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull();
    expect(storageErrorFor(new Error('plain'))).toBeNull();
    expect(storageErrorFor('a string')).toBeNull();
  });
});
