// `kpr parse FILE [--json]`: what the parser read from a patch document — mails, series
// position, files, hunks with their functions, +/- counts, repairs and problems.
import { parseArgs } from '../args';
import { readPatchInput } from '../patch-input';
import { EXIT_NOTHING_FOUND, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../command';
import { countChanges } from '../../patch/diffstat';
import { patchToJson } from '../../patch/json';
import type { Patch } from '../../patch/model';
import { seriesLabel } from '../../patch/display';

const USAGE = `Usage: kpr parse FILE [--json]

Parses a patch mail, an mbox, a web-archive copy or a bare diff (FILE, or - for stdin) and
prints its mails, files, hunks, repairs and problems.

  --json   print the parse as JSON (document lines are 1-based)

Exit status: 0 when at least one file diff was read (even with problems), 1 when the input
holds no patch, 2 on a usage error or an unreadable file.`;


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
  return out.join('\n') + '\n';
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { json: { takesValue: false } });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  const input = await readPatchInput('parse', parsed.positionals[0], io);
  if (!input.ok) return EXIT_USAGE;
  const { patch } = input;
  if (parsed.flags.has('json')) io.out(JSON.stringify(patchToJson(patch), null, 2) + '\n');
  else io.out(formatSummary(patch));
  return patch.mails.some((mail) => mail.files.length > 0) ? EXIT_OK : EXIT_NOTHING_FOUND;
}

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'parse a patch mail, mbox or archive copy: files, hunks, repairs, problems',
  usage: USAGE,
  run,
};
