import { readFile } from 'node:fs/promises';

/** What a command may touch: output streams and the file system, injectable for tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    cwd: process.cwd(),
  };
}

/** Exit statuses shared by every command. */
export const EXIT = {
  ok: 0,
  /** The command ran and found problems (lint: an error-severity finding). */
  findings: 1,
  /** Bad usage or unreadable input. */
  input: 2,
} as const;

/** Writes what is wrong with a command's input to stderr, named after the command; returns the exit status for it. */
export function inputError(io: CliIO, command: string, message: string): number {
  io.stderr(`story-bank ${command}: ${message}\n`);
  return EXIT.input;
}

/** Whether a command's arguments ask for its help: `--help` or `-h` anywhere before a `--`. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** A command of the story-bank CLI. Add one by writing a module like commands/lint.ts and listing it in main.ts. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text for `story-bank <name> --help` (main prints it; run never sees --help or -h). */
  usage: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** Splits "--flag", "--key value", "--key=value" and positional arguments. */
export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
  errors: string[];
}

export function parseArgs(args: readonly string[], spec: { flags: readonly string[]; values: readonly string[] }): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), positional: [], errors: [] };
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.flags.includes(name)) {
      if (eq > 0) out.errors.push(`${name} takes no value`);
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) out.errors.push(`${name} needs a value`);
      else out.values.set(name, value);
    } else out.errors.push(`unknown option ${name}`);
  }
  return out;
}
