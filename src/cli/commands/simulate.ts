// `kpr simulate FILE|-`: runs a scenario through the kernel model in fast mode and prints the
// outcome JSON exactly as the spec lays it out. A scenario that breaks a rule gets one line
// naming the field and the rule, and exit 2.
import { parseArgs } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../command';
import { parseScenario, simulate } from '../../kernel/run';
import { writeOutcome } from '../../kernel/outcome';
import { formatScenarioError } from '../../kernel/scenario';
import { simulatePatch } from '../../interp';

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'run a pid-allocation scenario through the kernel model and print the outcome JSON',
  usage: [
    'Usage: kpr simulate [--patch PATCH] FILE|-',
    '',
    'Reads a scenario (see the scenario spec; "-" reads standard input), runs it through the',
    'model of kernel/pid.c before or after the patch, and prints the outcome JSON.',
    'With --patch, runs the C code PATCH shows as written (its pre-image for "baseline", its',
    'post-image for "patched"); the model supplies what the patch does not show.',
    'Exit status: 0 on success, 2 when the scenario breaks a rule (one line names the field)',
    'or the patch\'s code cannot run (one PATH:LINE:COLUMN line per problem).',
  ].join('\n'),
  async run(args, io) {
    const parsed = parseArgs(args, { patch: { takesValue: true } });
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
    const patchPath = parsed.flags.get('patch');
    if (typeof patchPath === 'string') {
      let patchText: string;
      try {
        patchText = await io.readInput(patchPath);
      } catch (error) {
        io.err(`kpr simulate: cannot read ${patchPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
        return EXIT_USAGE;
      }
      const result = await simulatePatch(patchPath, patchText, text, (chunk) => io.out(chunk));
      if (!result.ok) {
        for (const line of result.errors) io.err(`${line}\n`);
        return EXIT_USAGE;
      }
      return EXIT_OK;
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
