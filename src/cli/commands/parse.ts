// `kpr parse FILE [--json]`: what the parser read from a patch document — mails, series
// position, files, hunks with their functions, +/- counts, repairs and problems.
import { parseArgs } from '../args';
import { readPatchInput, reportNoPatch } from '../patch-input';
import { EXIT_NOTHING_FOUND, EXIT_OK, UsageError, type CliCommand, type CliIo } from '../command';
import { writeJson } from '../json-stream';
import { joinEscaped } from '../one-line';
import { writeLines } from '../output';
import { countChanges } from '../../patch/diffstat';
import { patchToJson } from '../../patch/json';
import type { Patch } from '../../patch/model';
import { repairRuns } from '../../patch/repair-runs';
import { seriesLabel } from '../../patch/display';

const USAGE = `Usage: kpr parse FILE [--json [--pretty]]

Parses a patch mail, an mbox, a web-archive copy or a bare diff (FILE, or - for stdin) and
prints its mails, files and hunks, the number of repairs of each kind and every problem
(with --json: every repair, with its place, the text before and after, and why).

  --json     print the parse as JSON, on one line
  --pretty   with --json: indent the JSON (two spaces)

The JSON: { lineCount, mails, repairs, problems }, where repairs and problems outside every mail
are at the top and the others in their mail. Document lines (docLine) are 1-based, characters
0-based; a range is [startLine, startCharacter, endLine, endCharacter]. A mail has subject, series
{ rfc, version, index, total, tags }, from, date, messageId, inReplyTo (null when absent),
references, subjectLine, message, trailers, diffstat (or null), files, repairs, problems. A file
has oldPath, newPath, oldPrefix, newPrefix, isBinary, added, removed, docLine, extendedHeaders
and hunks. A hunk has oldStart, oldLines, newStart, newLines, section, functionName (left out
when the section names none), docLine and lines; each line is [text, docLine] or
[text, docLine, true] when a repair produced or changed it, text being the line as the diff
shows it after repair, prefix included ("+\tint resets;"). Pre- and post-image line numbers are
not written: they count up from oldStart over ' ' and '-' lines and from newStart over ' ' and
'+' lines. A reply that cut a hunk adds quotedAfterCut: the lines quoted after the cut, which
have no image line numbers. Repairs { kind, docLine, range, before, after, reason } and problems
{ severity, code, docLine, range, message } that say the same thing are written once, with
count and the other places in alsoAt: "L:C", "L:C-C" or "L:C-L:C", and "L1..L2:C" or
"L1..L2:C-C" for the same columns on each line from L1 to L2.

Examples:
  kpr parse patch.mbox
  kpr parse patch.mbox --json | jq '.mails[].repairs | length'
  kpr parse patch.mbox --json | jq -r '.mails[].files[].hunks[].lines[][0]'
  curl -s https://lore.kernel.org/…/raw | kpr parse -

A patch that was read with problems (an encoding error, a truncated hunk) still exits 0: the
problems are listed.`;

/**
 * The summary's lines, made one at a time and written as they are made (writeLines): a hostile
 * input's hundreds of thousands of hunk and problem lines, held together and joined, kept the
 * collector busy longer than the parse itself.
 */
function* summaryLines(patch: Patch): Generator<string> {
  yield `${patch.mails.length} mail${patch.mails.length === 1 ? '' : 's'}, ${patch.lineCount} lines`;
  for (const [index, mail] of patch.mails.entries()) {
    yield '';
    yield `Mail ${index + 1} (line ${mail.subjectLine + 1}): ${mail.subject || '(no subject)'}`;
    yield `  series: ${seriesLabel(mail) || '-'}`;
    if (mail.from) yield `  from: ${mail.from}`;
    if (mail.date) yield `  date: ${mail.date}`;
    for (const trailer of mail.trailers) yield `  ${trailer.key}: ${trailer.value}`;
    for (const file of mail.files) {
      const { added, removed } = countChanges(file);
      const path = file.oldPath === file.newPath || file.oldPath === '/dev/null' ? file.newPath : file.newPath === '/dev/null' ? `${file.oldPath} (deleted)` : `${file.oldPath} => ${file.newPath}`;
      yield `  ${path || '(unknown file)'}  +${added} -${removed}${file.isBinary ? ' (binary)' : ''}  line ${file.headerLine + 1}`;
      for (const hunk of file.hunks) {
        const where = hunk.functionName ?? (hunk.section || '-');
        yield `    @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@  ${where}  line ${hunk.headerLine + 1}`;
      }
    }
  }
  // Counted by runs: a hostile input's millions of repairs are a few runs, never made one by one.
  const kinds = new Map<string, number>();
  let repairs = 0;
  for (const run of repairRuns(patch)) {
    kinds.set(run.first.kind, (kinds.get(run.first.kind) ?? 0) + run.count);
    repairs += run.count;
  }
  yield '';
  yield `Repairs: ${repairs}${kinds.size > 0 ? ' (' + [...kinds].map(([k, n]) => `${k} ${n}`).join(', ') + ')' : ''}`;
  yield `Problems: ${patch.problems.length}`;
  for (const problem of patch.problems) yield `  line ${problem.range.start.line + 1}: ${problem.severity} [${problem.code}] ${problem.message}`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { json: { takesValue: false }, pretty: { takesValue: false } });
  if (parsed.positionals.length !== 1) throw new UsageError(`expected one FILE, got ${parsed.positionals.length}`);
  if (parsed.flags.has('pretty') && !parsed.flags.has('json')) throw new UsageError('--pretty indents the output of --json: give both');
  const input = await readPatchInput('parse', parsed.positionals[0], io);
  if (!input.ok) return input.exit;
  const { patch } = input;
  if (parsed.flags.has('json')) await writeJson(io, patchToJson(patch), { pretty: parsed.flags.has('pretty') });
  // Subjects, names and messages are the document's own bytes: control characters show escaped.
  else await writeLines(io, summaryLines(patch), joinEscaped);
  return reportNoPatch('parse', parsed.positionals[0], input, io) ? EXIT_NOTHING_FOUND : EXIT_OK;
}

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'parse a patch mail, mbox or archive copy: files, hunks, repairs, problems',
  usage: USAGE,
  run,
};
