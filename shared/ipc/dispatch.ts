import { type ChannelName, contract, type Handlers, isChannelName, type OutputOf } from './contract.ts';
import { AppError, fail, ok, type Result } from './result.ts';

function describeIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Runs one call: checks the channel exists, parses the input with the channel's schema (nothing runs on bad
 * input), calls the handler and folds any throw into an error result. Used by Electron's ipcMain wiring and by
 * the browser shell alike.
 */
export async function dispatch(handlers: Handlers, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChannelName(name)) return fail('unknown-channel', `There is no channel named "${name.slice(0, 80)}".`);
  const parsed = contract[name].input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) return fail('invalid-input', describeIssues(parsed.error));
  try {
    const handler = handlers[name] as
      | ((input: unknown) => OutputOf<ChannelName> | Promise<OutputOf<ChannelName>>)
      | undefined;
    // Backup and recovery channels exist only where a host serves them (Handlers marks them optional).
    if (handler === undefined) return fail('unknown-channel', `"${name}" is not served here.`);
    const value = await handler(parsed.data);
    return ok(value ?? null);
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `Something went wrong: ${message}`);
  }
}
