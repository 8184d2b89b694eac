// Dispatches `kpr ARGS` to a subcommand. Kept apart from main.ts so tests call it directly.
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from './command';
import { commands as defaultCommands } from './commands';
import { version } from './version';

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = [
    'kpr — Kernel Patch Review: parse kernel patch mails and step through the code they change.',
    '',
    'Usage: kpr COMMAND [ARGS]',
    '       kpr COMMAND --help',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help     show this help',
    '  --version  print the version',
    '',
  ];
  return lines.join('\n');
}

export async function runCli(args: readonly string[], io: CliIo, commands: readonly CliCommand[] = defaultCommands): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText(commands));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    io.out(`${version}\n`);
    return EXIT_OK;
  }
  if (first.startsWith('-')) {
    io.err(`kpr: unknown flag: ${first}\n`);
    return EXIT_USAGE;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.err(`kpr: unknown command: ${first} (see kpr --help)\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kpr ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
