// Hover text for the structural lines of a patch mail — the subject, file headers, hunk headers,
// the diffstat — and for lines the parser repaired. Every number is recounted from the hunks, so
// a diffstat that disagrees with them is shown with both numbers. All patch text is escaped.
import { countChanges, matchesFile } from '../patch/diffstat';
import { displayPath } from '../patch/display';
import type { DiffstatEntry, FilePatch, Hunk, Mail, Repair } from '../patch/model';
import { escapeMarkdown, inlineCode } from './markdown';

export function describeMail(mail: Mail): string {
  const out = [`**${escapeMarkdown(mail.subject || '(no subject)')}**`, '', describeSeries(mail)];
  const from = [mail.from && `From ${escapeMarkdown(mail.from)}`, mail.date && escapeMarkdown(mail.date)].filter(Boolean).join(' · ');
  if (from) out.push('', from);
  out.push('', `${mail.files.length} file${mail.files.length === 1 ? '' : 's'} changed:`, '');
  for (const file of mail.files) {
    const { added, removed } = countChanges(file);
    out.push(`- ${inlineCode(displayPath(file))} +${added} −${removed}, ${file.hunks.length} hunk${file.hunks.length === 1 ? '' : 's'}`);
  }
  const totals = mail.files.map(countChanges).reduce((a, b) => ({ added: a.added + b.added, removed: a.removed + b.removed }), { added: 0, removed: 0 });
  if (mail.diffstat?.insertions !== undefined || mail.diffstat?.deletions !== undefined) {
    const written = mail.diffstat;
    const agrees = written.insertions === totals.added && written.deletions === totals.removed && written.filesChanged === mail.files.length;
    out.push('', `Diffstat as written: ${written.filesChanged ?? '?'} files, +${written.insertions ?? '?'} −${written.deletions ?? '?'}; counted from the hunks: ${mail.files.length} files, +${totals.added} −${totals.removed}${agrees ? ' — they agree.' : ' — **they disagree**.'}`);
  }
  return out.join('\n');
}

function describeSeries(mail: Mail): string {
  const s = mail.series;
  const parts: string[] = [];
  if (s.index !== undefined && s.total !== undefined) parts.push(s.index === 0 ? `the cover letter of a ${s.total}-part series` : `part ${s.index} of ${s.total}`);
  else parts.push('a single patch');
  if (s.version !== undefined) parts.push(`version ${s.version}`);
  if (s.rfc) parts.push('RFC: a request for comments, not (yet) for merging');
  const others = s.tags.filter((t) => !/^(PATCH|RFC)$/i.test(t));
  if (others.length) parts.push(`tags: ${others.map(inlineCode).join(', ')}`);
  return `Series: ${parts.join('; ')}.`;
}

export function describeFile(file: FilePatch, mail: Mail): string {
  const { added, removed } = countChanges(file);
  const out = [`**${escapeMarkdown(displayPath(file))}**`, ''];
  if (file.oldPath === '/dev/null') out.push('A new file.');
  else if (file.newPath === '/dev/null') out.push('The file is deleted.');
  else if (file.oldPath !== file.newPath) out.push(`Renamed from ${inlineCode(file.oldPath)}.`);
  const prefixes = [file.oldPrefix, file.newPrefix].filter((p, i, all) => p && all.indexOf(p) === i);
  if (prefixes.length) out.push(`Tree prefixes stripped: ${prefixes.map(inlineCode).join(' and ')}.`);
  out.push(`${file.hunks.length} hunk${file.hunks.length === 1 ? '' : 's'}, +${added} −${removed}${file.isBinary ? ' (binary)' : ''}.`);
  for (const header of file.extendedHeaders) out.push(`- ${escapeMarkdown(header.key)} ${inlineCode(header.value)}`);
  const entry = mail.diffstat?.entries.find((e) => matchesFile(e.path, file));
  if (entry) out.push('', describeEntryAgainst(entry, file));
  return out.join('\n');
}

export function describeDiffstatEntry(entry: DiffstatEntry, mail: Mail): string {
  const file = mail.files.find((f) => matchesFile(entry.path, f));
  if (!file) return `Diffstat entry ${inlineCode(entry.path)}: **no file of this mail matches it**.`;
  return describeEntryAgainst(entry, file);
}

function describeEntryAgainst(entry: DiffstatEntry, file: FilePatch): string {
  const { added, removed } = countChanges(file);
  if (entry.changes === undefined) return `Diffstat: ${inlineCode(entry.path)} written without a count.`;
  const agrees = entry.changes === added + removed;
  return `Diffstat: ${inlineCode(entry.path)} ${entry.changes} changed lines as written; the hunks change ${added + removed} (+${added} −${removed})${agrees ? ' — they agree.' : ' — **they disagree**.'}`;
}

export function describeHunkHeader(hunk: Hunk, functionName: string | undefined): string {
  let context = 0;
  let added = 0;
  let removed = 0;
  for (const line of hunk.lines) {
    if (line.kind === ' ') context++;
    else if (line.kind === '+') added++;
    else if (line.kind === '-') removed++;
  }
  const out = [
    `**Hunk ${escapeMarkdown(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`)}**${functionName ? ` in ${inlineCode(functionName)}` : ''}`,
    '',
    `Before the patch: lines ${range(hunk.oldStart, hunk.oldLines)}; after it: lines ${range(hunk.newStart, hunk.newLines)}.`,
    `${context} context, ${added} added, ${removed} removed line${removed === 1 ? '' : 's'}.`,
  ];
  if (hunk.section.trim()) out.push(`The text after the second \`@@\` (${inlineCode(hunk.section.trim())}) is the nearest line above the hunk that starts in column 0: usually the enclosing function.`);
  return out.join('\n');
}

export function describeRepairs(repairs: readonly Repair[]): string {
  const out = ['**Repaired by kpr**', ''];
  for (const r of repairs.slice(0, 10)) {
    out.push(`- ${escapeMarkdown(r.kind)}: ${inlineCode(JSON.stringify(r.before))} → ${inlineCode(JSON.stringify(r.after))} — ${escapeMarkdown(r.reason)}`);
  }
  if (repairs.length > 10) out.push(`- … and ${repairs.length - 10} more on this line`);
  return out.join('\n');
}

function range(start: number, count: number): string {
  return count === 0 ? `none (after line ${start})` : count === 1 ? `${start}` : `${start}–${start + count - 1}`;
}
