// `kpr map FILE [--json]`: how each line of the patch's pid.c/fork.c hunks maps onto the model,
// and which lines run as written in the interpreter (an edited line the model has no statement for).
import { parseArgs } from '../args';
import { EXIT_NOTHING_FOUND, EXIT_OK, UsageError, type CliCommand, type CliIo } from '../command';
import { writeJson } from '../json-stream';
import { escapeControls } from '../one-line';
import { writeText } from '../output';
import { readPatchInput, reportNoPatch } from '../patch-input';
import { reportNotModelled } from '../modelled-input';
import { mapPatch, type PatchMapping } from '../../mapping';
import { mappingToJson, primaryStep } from '../../mapping/json';
import { loadCParser } from '../../c';
import { mappingAsWritten } from '../../interp/as-written';
import { programsFor } from '../../interp/programs';

const USAGE = `Usage: kpr map FILE [--json]

Classifies every line of the patch's hunks (executable, comment, blank, brace, declaration,
preprocessor, unmapped) and maps the executable lines of kernel/pid.c and kernel/fork.c onto
the model's steps: post-image lines onto the patched variant, pre-image lines onto the
baseline. A line maps only where its neighbouring statements are the modelled code too; a
hunk whose context is another kernel version's code is reported as not mapped. A line the model
has no statement for (an edited or added line) that kpr's interpreter runs as written is
executable too, its step shown as "(runs as written)".

  --json   print the mapping as JSON (document lines are 1-based)

Examples:
  kpr map patch.mbox
  kpr map patch.mbox --json | jq '.files[] | {path, executable, mapped}'

A patch that changes none of the modelled files is listed ("not modelled") and exits 1.`;

export function formatMapping(mapping: PatchMapping, documentLines: readonly string[]): string {
  const out: string[] = [];
  for (const file of mapping.files) {
    const coverage = file.modelled ? `${file.mapped}/${file.executable} executable lines mapped (${percent(file.mapped, file.executable)})` : 'not modelled';
    out.push(`${file.path}: ${coverage}`);
    for (const hunk of file.unmappedHunks) out.push(`  hunk at line ${hunk.headerLine + 1} not mapped: ${hunk.reason}`);
    for (const line of file.lines) {
      const step = primaryStep(line) ?? (line.interpreted ? '(runs as written)' : null);
      const both = line.steps.baseline && line.steps.patched && line.steps.baseline.join() !== line.steps.patched.join()
        ? ` (baseline ${line.steps.baseline.join(', ')})` : '';
      // The excerpt is the document's own bytes: control characters are shown escaped.
      const text = escapeControls((documentLines[line.line] ?? '').trimEnd().slice(0, 72));
      out.push(`  ${String(line.line + 1).padStart(5)} ${line.kind} ${line.lineClass.padEnd(11)} ${(step ?? '-').padEnd(44)}${both} | ${text}`);
    }
  }
  return out.join('\n') + '\n';
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { json: { takesValue: false } });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  const input = await readPatchInput('map', parsed.positionals[0], io);
  if (!input.ok) return input.exit;
  const file = parsed.positionals[0];
  if (reportNoPatch('map', file, input, io)) return EXIT_NOTHING_FOUND;
  const modelMapping = mapPatch(input.patch);
  const mapping = mappingAsWritten(modelMapping, programsFor(input.patch, await loadCParser(), modelMapping));
  if (parsed.flags.has('json')) await writeJson(io, mappingToJson(mapping));
  else await writeText(io, formatMapping(mapping, input.text.split(/\r?\n/)));
  return reportNotModelled('map', file, input.patch, io) ? EXIT_NOTHING_FOUND : EXIT_OK;
}

export const mapCommand: CliCommand = {
  name: 'map',
  summary: "map the patch's pid.c/fork.c lines onto the model's steps, with coverage",
  usage: USAGE,
  run,
};
