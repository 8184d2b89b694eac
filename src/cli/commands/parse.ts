// `kpr parse FILE [--json]`: what the parser read from a patch document — mails, series
// position, files, hunks with their functions, +/- counts, repairs and problems.
import { parseArgs } from '../args';
import { readPatchInput, reportNoPatch } from '../patch-input';
import { EXIT_NOTHING_FOUND, EXIT_OK, UsageError, type CliCommand, type CliIo } from '../command';
import { writeJson } from '../json-stream';
import { escapeControls } from '../one-line';
import { writeText } from '../output';
import { countChanges } from '../../patch/diffstat';
import { patchToJson } from '../../patch/json';
import type { Patch } from '../../patch/model';
import { seriesLabel } from '../../patch/display';

const USAGE = `Usage: kpr parse FILE [--json]

Parses a patch mail, an mbox, a web-archive copy or a bare diff (FILE, or - for stdin) and
prints its mails, files and hunks, the number of repairs of each kind and every problem
(with --json: every repair, with its line, the text before and after, and why).

  --json   print the parse as JSON (document lines are 1-based)

Examples:
  kpr parse patch.mbox
  kpr parse patch.mbox --json | jq '.repairs | length'
  curl -s https://lore.kernel.org/…/raw | kpr parse -

A patch that was read with problems (an encoding error, a truncated hunk) still exits 0: the
problems are listed.`;


export function formatSummary(patch: Patch): string {
  const out: string[] = [];
  out.push(`${patch.mails.length} mail${patch.mails.length === 1 ? '' : 's'}, ${patch.lineCount} lines`);
  patch.mails.forEach((mail, index) => {
    out.push('');
    out.push(`Mail ${index + 1} (line ${mail.subjectLine + 1}): ${mail.subject || '(no subject)'}`);
    out.push(`  series: ${seriesLabel(mail) || '-'}`);
    if (mail.from) out.push(`  from: ${mail.from}`);
    if (mail.date) out.push(`  date: ${mail.date}`);
    for (const trailer of mail.trailers) out.push(`  ${trailer.key}: ${trailer.value}`);
    for (const file of mail.files) {
      const { added, removed } = countChanges(file);
      const path = file.oldPath === file.newPath || file.oldPath === '/dev/null' ? file.newPath : file.newPath === '/dev/null' ? `${file.oldPath} (deleted)` : `${file.oldPath} => ${file.newPath}`;
      out.push(`  ${path || '(unknown file)'}  +${added} -${removed}${file.isBinary ? ' (binary)' : ''}  line ${file.headerLine + 1}`);
      for (const hunk of file.hunks) {
        const where = hunk.functionName ?? (hunk.section || '-');
        out.push(`    @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@  ${where}  line ${hunk.headerLine + 1}`);
      }
    }
  });
  const kinds = new Map<string, number>();
  for (const repair of patch.repairs) kinds.set(repair.kind, (kinds.get(repair.kind) ?? 0) + 1);
  out.push('');
  out.push(`Repairs: ${patch.repairs.length}${kinds.size > 0 ? ' (' + [...kinds].map(([k, n]) => `${k} ${n}`).join(', ') + ')' : ''}`);
  out.push(`Problems: ${patch.problems.length}`);
  for (const problem of patch.problems) out.push(`  line ${problem.range.start.line + 1}: ${problem.severity} [${problem.code}] ${problem.message}`);
  // Subjects, names and messages are the document's own bytes: control characters show escaped.
  return out.map(escapeControls).join('\n') + '\n';
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { json: { takesValue: false } });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  const input = await readPatchInput('parse', parsed.positionals[0], io);
  if (!input.ok) return input.exit;
  const { patch } = input;
  if (parsed.flags.has('json')) await writeJson(io, patchToJson(patch));
  else await writeText(io, formatSummary(patch));
  return reportNoPatch('parse', parsed.positionals[0], input, io) ? EXIT_NOTHING_FOUND : EXIT_OK;
}

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'parse a patch mail, mbox or archive copy: files, hunks, repairs, problems',
  usage: USAGE,
  run,
};
