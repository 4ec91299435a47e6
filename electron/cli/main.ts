import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { lintCommand } from './commands/lint.ts';
import { planCommand } from './commands/plan.ts';
import { asksForHelp, EXIT, processIO, type CliIO, type Command } from './io.ts';

/**
 * The story-bank command line: a dispatcher over named commands. To add one (for example `export` or `import`,
 * which will open the database through electron/backend), write a Command in commands/ and list it here.
 */
export const COMMANDS: readonly Command[] = [lintCommand, exportCommand, importCommand, planCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: story-bank <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "story-bank <command> --help" for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit status (0 ok, 1 findings, 2 bad input). */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === undefined) {
      io.stderr(usage());
      return EXIT.input;
    }
    io.stdout(topic ? topic.usage : usage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`story-bank: unknown command "${name}"\n\n${usage()}`);
    return EXIT.input;
  }
  if (asksForHelp(rest)) {
    io.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`story-bank ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.input;
  }
}
