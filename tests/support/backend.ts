import { afterEach } from 'vitest';
import { type Backend, createBackend } from '../../electron/backend/backend.ts';
import type { AppErrorInfo } from '../../shared/ipc/result.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { tempDir } from './temp-dir.ts';

const opened: Backend[] = [];

/** A backend over a fresh data directory (or the one given), closed after the test. */
export async function openTestBackend(dataDir = tempDir()): Promise<Backend> {
  const backend = await createBackend({ dataDir, appVersion: 'test' });
  opened.push(backend);
  return backend;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((backend) => backend.close()));
});

/** Calls a channel as a host would and returns its value; a refusal fails the test with the backend's message. */
export async function callOk<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(backend.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Calls a channel that must refuse the input and returns the error it gave. */
export async function callRefused(backend: Backend, channel: string, input: unknown): Promise<AppErrorInfo> {
  const result = await dispatch(backend.handlers, channel, input);
  if (result.ok) throw new Error(`${channel} was accepted: ${JSON.stringify(input).slice(0, 120)}`);
  return result.error;
}
