// `kpr explore FILE [--json]`: runs the patch's code as written (src/interp/programs.ts) over the
// generated scenario space, both variants, and prints the findings, the baseline/patched differences and the patch lines no
// scenario reached. The space is fixed by the patch and --max-depth, so the report is too.
import { integerFlag, parseArgs } from '../args';
import { EXIT_OK, UsageError, type CliCommand, type CliIo } from '../command';
import { writeJson } from '../json-stream';
import { writeText } from '../output';
import { readModelledPatchInput } from '../modelled-input';
import { DEFAULT_BUDGET_MS, DEFAULT_MAX_DEPTH, exploreAsWritten } from '../../explore';
import { distinctHunks } from '../../explore/distinct-hunks';
import { PatchLines } from '../../explore/patch-lines';
import { reportToJson } from '../../explore/report-json';
import { formatReport } from '../../explore/report-text';

const USAGE = `Usage: kpr explore FILE [--json] [--budget MS] [--max-depth D]

Runs kernel/pid.c and kernel/fork.c before and after the patch, as the patch writes them (an
edited line runs as edited; what the patch does not show comes from kpr's model), over a generated
space of scenarios (next_syscall_data at and around every boundary, namespace depths 0 to D,
empty, nearly full and full maps, each allocation failing in turn, exits and reuse) and reports:
each memory-safety fault with the patch line that commits it and the smallest scenario showing
it (a fault in code the patch does not show, as in an excerpt or after an edit that breaks a
caller, is named by its calls and placed on the patch's header of that file: in --json, docLine
null and "outside"); each behaviour that differs between baseline and patched against the patch's
intent; and the patch's executable lines that no scenario reached. Every scenario replays with
kpr simulate (kpr simulate --patch FILE for an edited patch). A variant whose text cannot run is
not explored: the report lists its problems as PATH:LINE:COLUMN lines.

The space is the same on every machine, so the same patch gives the same report. Findings count
scenario runs (one scenario on one variant); differences count compared baseline/patched pairs.
Hunks that repeat an earlier one (an mbox holding the same patch several times) are explored once.

  --json          print the report as JSON (document lines 1-based as docLine)
  --budget MS     a guard for huge inputs: stop running scenarios after MS milliseconds and
                  report what was found, marked PARTIAL (default ${DEFAULT_BUDGET_MS}; reading and
                  mapping the patch do not count)
  --max-depth D   deepest pid namespace level explored, 0 to 31 (default ${DEFAULT_MAX_DEPTH})

Examples:
  kpr explore patch.mbox
  kpr explore patch.mbox --json | jq '.findings[] | {kind, docLine, scenario}'`;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { json: { takesValue: false }, budget: { takesValue: true }, 'max-depth': { takesValue: true } });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  const budgetMs = integerFlag(parsed, 'budget');
  if (budgetMs !== undefined && budgetMs < 1) throw new UsageError(`--budget must be at least 1 (milliseconds), got ${budgetMs}`);
  const maxDepth = integerFlag(parsed, 'max-depth');
  if (maxDepth !== undefined && (maxDepth < 0 || maxDepth > 31)) throw new UsageError(`--max-depth must be an integer from 0 to 31, got ${maxDepth}`);
  const input = await readModelledPatchInput('explore', parsed.positionals[0], io);
  if (!input.ok) return input.exit;
  const { patch, repeated } = distinctHunks(input.patch);
  const report = await exploreAsWritten(patch, { budgetMs, maxDepth });
  const texts = new PatchLines(patch);
  if (parsed.flags.has('json')) await writeJson(io, { ...reportToJson(report, texts), repeatedHunks: repeated });
  else await writeText(io, formatReport(report, texts) + (repeated > 0 ? `\n${repeated} hunk${repeated === 1 ? '' : 's'} repeating an earlier one (same file, place and lines) explored once.\n` : ''));
  return EXIT_OK;
}

export const exploreCommand: CliCommand = {
  name: 'explore',
  summary: 'explore generated scenarios on both variants: faults, baseline/patched differences, unreached lines',
  usage: USAGE,
  run,
};
