// Dispatches `kpr ARGS` to a subcommand. Kept apart from main.ts so tests call it directly.
import { EXIT_OK, EXIT_STATUS_HELP, EXIT_USAGE, OutputClosed, UsageError, type CliCommand, type CliIo } from './command';
import { commands as defaultCommands } from './commands';
import { escapeMessage } from './one-line';
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
    'Every command reads FILE, or standard input for -, up to the input size limit.',
    '',
    EXIT_STATUS_HELP,
    '',
  ];
  return lines.join('\n');
}

/** The io a command sees: its error messages escaped so that each stays one line. */
function escapingIo(io: CliIo): CliIo {
  return { out: (text) => io.out(text), err: (text) => io.err(escapeMessage(text)), readInput: (path, max) => io.readInput(path, max) };
}

export async function runCli(args: readonly string[], io: CliIo, commands: readonly CliCommand[] = defaultCommands): Promise<number> {
  if (args.length === 0) {
    // Help that was not asked for is a usage error: on stderr, exit 2.
    io.err(`kpr: no command given\n\n${helpText(commands)}`);
    return EXIT_USAGE;
  }
  try {
    return await dispatch(args, escapingIo(io), commands);
  } catch (error) {
    // The reader went away (| head): what it wanted is written; stop quietly.
    if (error instanceof OutputClosed) return EXIT_OK;
    throw error;
  }
}

async function dispatch(args: readonly string[], io: CliIo, commands: readonly CliCommand[]): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h' || first === 'help') {
    await io.out(helpText(commands));
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    await io.out(`${version}\n`);
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
    await io.out(`${command.usage}\n\n${EXIT_STATUS_HELP}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kpr ${command.name}: ${error.message} (see kpr ${command.name} --help)\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
