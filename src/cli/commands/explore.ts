// `kpr explore FILE [--json]`: runs the kernel model over the generated scenario space, both
// variants, and prints the findings, the baseline/patched differences and the patch lines no
// scenario reached.
import { integerFlag, parseArgs } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../command';
import { readPatchInput } from '../patch-input';
import { DEFAULT_BUDGET_MS, DEFAULT_MAX_DEPTH, explorePatch } from '../../explore';
import { PatchLines } from '../../explore/patch-lines';
import { reportToJson } from '../../explore/report-json';
import { formatReport } from '../../explore/report-text';

const USAGE = `Usage: kpr explore FILE [--json] [--budget MS] [--max-depth D]

Runs the model of kernel/pid.c and kernel/fork.c before and after the patch over a generated
space of scenarios (next_syscall_data at and around every boundary, namespace depths 0 to D,
empty, nearly full and full maps, each allocation failing in turn, exits and reuse) and reports:
each memory-safety fault with the patch line that commits it and the smallest scenario showing
it; each behaviour that differs between baseline and patched against the patch's intent; and the
patch's executable lines that no scenario reached. Every scenario replays with kpr simulate.

  --json          print the report as JSON (document lines 1-based as docLine)
  --budget MS     stop after MS milliseconds and report what was found (default ${DEFAULT_BUDGET_MS})
  --max-depth D   deepest pid namespace level explored, 0 to 31 (default ${DEFAULT_MAX_DEPTH})

Exit status: 0 when the exploration ran, 2 on usage errors.`;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { json: { takesValue: false }, budget: { takesValue: true }, 'max-depth': { takesValue: true } });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  const budgetMs = integerFlag(parsed, 'budget');
  if (budgetMs !== undefined && budgetMs < 1) throw new UsageError(`--budget must be at least 1 (milliseconds), got ${budgetMs}`);
  const maxDepth = integerFlag(parsed, 'max-depth');
  if (maxDepth !== undefined && (maxDepth < 0 || maxDepth > 31)) throw new UsageError(`--max-depth must be an integer from 0 to 31, got ${maxDepth}`);
  const input = await readPatchInput('explore', parsed.positionals[0], io);
  if (!input.ok) return EXIT_USAGE;
  const report = explorePatch(input.patch, { budgetMs, maxDepth });
  const texts = new PatchLines(input.patch);
  io.out(parsed.flags.has('json') ? `${JSON.stringify(reportToJson(report, texts), null, 2)}\n` : formatReport(report, texts));
  return EXIT_OK;
}

export const exploreCommand: CliCommand = {
  name: 'explore',
  summary: 'explore generated scenarios on both variants: faults, baseline/patched differences, unreached lines',
  usage: USAGE,
  run,
};
