// `kpr simulate FILE|-`: runs a scenario through the kernel model in fast mode and prints the
// outcome JSON exactly as the spec lays it out. A scenario that breaks a rule gets one line
// naming the field and the rule, and exit 2.
import { parseArgs } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../command';
import { parseScenario, simulate } from '../../kernel/run';
import { writeOutcome } from '../../kernel/outcome';
import { formatScenarioError } from '../../kernel/scenario';

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'run a pid-allocation scenario through the kernel model and print the outcome JSON',
  usage: [
    'Usage: kpr simulate FILE|-',
    '',
    'Reads a scenario (see the scenario spec; "-" reads standard input), runs it through the',
    'model of kernel/pid.c before or after the patch, and prints the outcome JSON.',
    'Exit status: 0 on success, 2 when the scenario breaks a rule (one line names the field).',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseArgs(args, {});
    if (parsed.positionals.length !== 1) throw new UsageError('expects exactly one scenario FILE (or - for standard input)');
    const path = parsed.positionals[0];
    let text: string;
    try {
      text = await io.readInput(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      io.err(`kpr simulate: cannot read ${path}: ${code}\n`);
      return EXIT_USAGE;
    }
    const checked = parseScenario(text, false);
    if (!checked.ok) {
      io.err(`kpr simulate: ${formatScenarioError(checked.errors[0])}\n`);
      return EXIT_USAGE;
    }
    const run = simulate(checked.scenario);
    if (!run.ok) {
      io.err(`kpr simulate: ${formatScenarioError(run.errors[0])}\n`);
      return EXIT_USAGE;
    }
    writeOutcome(run.outcome, (chunk) => io.out(chunk));
    return EXIT_OK;
  },
};
