/** The shape of every answer that crosses the renderer/backend boundary. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'read-only'
  | 'conflict'
  | 'storage-full'
  | 'storage-failed'
  | 'unknown-channel'
  | 'forbidden'
  | 'internal';

export interface AppErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

/** An error a handler throws on purpose: its code and message reach the user as they are. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
