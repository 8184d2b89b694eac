// The header of a mail as a web archive renders it, copied from the page as text. Each archive
// prints the fields its own way: lore/public-inbox and spinics as "Key: value" with links after
// some values ("[thread overview]", "(raw)"); lkml.org as a table whose labels end up on their own
// line, before a tab, or glued to the value ("Subject[PATCH 07/10] …"); marc.info with aligned
// labels, "()" and "!" in addresses and navigation lines; gmane with "<at>" and "(… ago)";
// pipermail, hyperkitty and mail-archive with no labels at all (subject, author, date in order).
// The page's chrome never becomes part of a field: each piece removed is a listed repair.
import type { Diagnostics } from './diagnostics';
import type { HeaderBlock, HeaderField } from './mail-headers';
import { rangeOf, type SourceLine } from './positions';

const LABELS = 'Subject|From|Date|Message-ID|Message-Id|In-Reply-To|References|To|Cc|List|Newsgroups';
const COLON_FIELD = new RegExp(`^(${LABELS}):[ \\t]*(.*)$`, 'i');
/** lkml.org and marc.info: the label, then a tab or an alignment of spaces. */
const SPACED_FIELD = new RegExp(`^(${LABELS})(?:\\t+| {2,})(\\S.*)$`);
const LONE_LABEL = new RegExp(`^(${LABELS}):?$`);
/** lkml.org copied without the table's tab: "Subject[PATCH 07/10] …", "DateFri, 1 Mar 2024". */
const GLUED_FIELD = /^(Subject|From|Date)([[("<A-Z0-9].*)$/;
const POSTED_BY = /^Posted by (.{1,200}?) on (.{1,100})$/;
/** Forum navigation such as "[View Forum Message](#) <> [Reply to Message](#)". */
const NAV_LINK_LINE = /^\[[^\]]{0,80}\]\([^)]{0,200}\)(\s*<>\s*\[[^\]]{0,80}\]\([^)]{0,200}\))*\s*$/;

/** Whole lines of page chrome around a message, by the archive that prints them. */
const CHROME_LINES: readonly [RegExp, string][] = [
  [/^\[prev in list\]/i, 'marc.info\'s navigation'],
  [/^\[Download RAW message or body\]$/i, 'marc.info\'s download link'],
  [/^\[Date Prev\]/i, 'the archive\'s (MHonArc, spinics) navigation'],
  [/^(?:Previous message|Next message|Messages sorted by)(?: \(by thread\))?:/i, 'pipermail\'s navigation'],
  [/^(?:View by thread|View by date|Reply via email to)\b/i, 'mail-archive\'s navigation'],
  [/^\[thread overview\]$/i, 'public-inbox\'s thread link'],
  [/^\^ permalink raw reply/i, 'public-inbox\'s message links'],
  [/^\[lkml\]/i, 'lkml.org\'s navigation'],
  [/^Views: /i, 'lkml.org\'s view switches'],
  [/^(?:Messages in this thread|Patch in this message)$/i, 'lkml.org\'s sidebar'],
  [/^(?:Back to the thread|Back to the list|Reply)$/i, 'hyperkitty\'s links'],
  [/^permalink(?: \| ?raw)?$/i, 'the archive\'s message links'],
];

/** Chrome the archives append to a field's value. */
const VALUE_CHROME: readonly [RegExp, string][] = [
  [/\s*\[thread overview\]$/i, 'public-inbox links the date to the thread overview'],
  [/\s*\((?:raw|permalink \/ raw|permalink|raw reply)\)$/i, 'public-inbox links the message to its raw text'],
  [/\s*\[Download RAW message or body\]$/i, 'marc.info links the raw message'],
  [/\s*\(\d+ (?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)(?:,? (?:and )?\d+ (?:years?|months?|weeks?|days?|hours?|minutes?|seconds?))* ago\)$/i, 'gmane adds the age of the message'],
  [/\s*<>$/, 'lkml.org hides the address'],
];

function chromeLine(text: string): string | undefined {
  if (text.length > 300) return undefined;
  for (const [pattern, what] of CHROME_LINES) if (pattern.test(text)) return what;
  return undefined;
}

/** Addresses the archives hide from harvesters, written back: marc "a () b ! org", gmane "a <at> b", pipermail "a at b". */
function deobfuscate(value: string): { value: string; how: string } | undefined {
  if (value.includes('@')) return undefined;
  const marc = value.replace(/([\w.+-]+) \(\) ([\w-]+(?: ! [\w-]+)+)/g, (_, user: string, host: string) => `${user}@${host.replace(/ ! /g, '.')}`);
  if (marc !== value) return { value: marc, how: 'marc.info writes "@" as " () " and "." as " ! "' };
  const gmane = value.replace(/([\w.+-]+) ?<at> ?([\w-]+(?:\.[\w-]+)+)/g, '$1@$2');
  if (gmane !== value) return { value: gmane, how: 'gmane writes "@" as "<at>"' };
  // pipermail prints "Name user at host" without brackets; the name keeps the address its own.
  const pipermail = value.replace(/^(?:(.*\S)\s+)?([\w.+-]+) at ([\w-]+(?:\.[\w-]+)+)$/, (_, name: string | undefined, user: string, host: string) =>
    name === undefined || name.includes('<') ? `${user}@${host}` : `${name} <${user}@${host}>`);
  if (pipermail !== value) return { value: pipermail, how: 'pipermail writes "@" as " at "' };
  return undefined;
}

/** The field with the archive's chrome removed from its value, each removal listed as a repair. */
function cleanField(field: HeaderField, lines: readonly SourceLine[], diagnostics: Diagnostics): HeaderField {
  let value = field.value;
  const source = lines[field.index];
  for (const [pattern, why] of VALUE_CHROME) {
    const match = pattern.exec(value);
    if (!match) continue;
    const chrome = match[0];
    value = value.slice(0, match.index);
    const at = source === undefined ? -1 : source.text.lastIndexOf(chrome.trim());
    if (source !== undefined) {
      const from = at >= 0 ? at : source.text.length;
      diagnostics.repair('archive-chrome', rangeOf(source, from, at >= 0 ? from + chrome.trim().length : from), chrome.trim(), '',
        `${why}: page text, not part of the ${field.key} field`);
    }
  }
  const hidden = field.key.toLowerCase() === 'from' || field.key.toLowerCase() === 'message-id' ? deobfuscate(value) : undefined;
  if (hidden !== undefined && source !== undefined) {
    diagnostics.repairIn('obfuscated-address', source, value, hidden.value, `${hidden.how} to hide the address`);
    value = hidden.value;
  }
  return value === field.value ? field : { ...field, value: value.trim() };
}

/** The header block with the page chrome taken out of its values (a real mail has none). */
export function removeHeaderChrome(block: HeaderBlock, lines: readonly SourceLine[], diagnostics: Diagnostics): HeaderBlock {
  const fields = block.fields.map((f) => cleanField(f, lines, diagnostics));
  return fields.every((f, i) => f === block.fields[i]) ? block : { ...block, fields };
}

const SCAN_LINES = 80;
const PATCH_SUBJECT = /^(?:(?:Re|Fwd?|AW|SV):\s*)*\[[^\]]{0,80}\b(?:PATCH|RFC)\b[^\]]{0,80}\]\s*\S/i;
const DATE_TEXT =
  /(?:\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +)?(?:\d{1,2} +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* +(?:\d{4}|'\d\d)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* +\d{1,2},? +[\d:]+ +(?:\w+ +)?\d{4}|\d{4}-\d\d-\d\d)[^\n]*$/;

/** Looks for a web archive's rendering of the mail's header near the top of a page. */
export function parseArchivePageHeader(lines: readonly SourceLine[], diagnostics: Diagnostics): HeaderBlock | undefined {
  const block = labelledHeader(lines) ?? unlabelledHeader(lines);
  if (block === undefined) return undefined;
  // The chrome between the header and the message is page text: listed, then stepped over.
  let bodyStart = block.bodyStart;
  while (bodyStart < lines.length) {
    const text = lines[bodyStart].text.trim();
    const chrome = chromeLine(text);
    if (chrome !== undefined) diagnostics.repairIn('archive-chrome', lines[bodyStart], lines[bodyStart].text, '', `${chrome}: page text, not part of the mail`);
    if (chrome !== undefined || text === '' || text === '---' || NAV_LINK_LINE.test(text) || lines[bodyStart].marker !== undefined) bodyStart++;
    else break;
  }
  // Chrome lines among the fields (marc's navigation above them, lkml's sidebar) are listed too.
  for (let i = 0; i < block.bodyStart; i++) {
    const chrome = chromeLine(lines[i].text.trim());
    if (chrome !== undefined) diagnostics.repairIn('archive-chrome', lines[i], lines[i].text, '', `${chrome}: page text, not part of the mail`);
  }
  return removeHeaderChrome({ ...block, bodyStart }, lines, diagnostics);
}

function labelledHeader(lines: readonly SourceLine[]): HeaderBlock | undefined {
  const fields: HeaderField[] = [];
  const seen = new Set<string>();
  let last = -1;
  const limit = Math.min(lines.length, SCAN_LINES);
  const add = (key: string, value: string, index: number, end: number) => {
    const canonical = key.toLowerCase();
    if (seen.has(canonical) || value.trim() === '') return;
    seen.add(canonical);
    fields.push({ key: canonicalKey(key), value: value.trim(), line: lines[index].line, index });
    last = Math.max(last, end);
  };
  for (let i = 0; i < limit; i++) {
    const text = lines[i].text.trim();
    if (text.length > 1000 || text === '') continue;
    const colon = COLON_FIELD.exec(text) ?? SPACED_FIELD.exec(text);
    if (colon) {
      add(colon[1], colon[2], i, i);
      continue;
    }
    const lone = LONE_LABEL.exec(text);
    if (lone) {
      let j = i + 1;
      while (j < limit && lines[j].text.trim() === '') j++;
      const value = j < limit ? lines[j].text.trim() : '';
      if (value !== '' && !LONE_LABEL.test(value) && !COLON_FIELD.test(value)) {
        add(lone[1], value, j, j);
        i = j;
      }
      continue;
    }
    const glued = GLUED_FIELD.exec(text);
    if (glued && (glued[1] !== 'From' || /<|@| at /.test(glued[2]))) {
      add(glued[1], glued[2], i, i);
      continue;
    }
    const posted = POSTED_BY.exec(text);
    if (posted && fields.length > 0) {
      add('From', posted[1], i, i);
      add('Date', posted[2], i, i);
    }
  }
  if (!seen.has('subject')) return undefined;
  return { kind: 'archive', fields, bodyStart: last + 1 };
}

function canonicalKey(key: string): string {
  const lower = key.toLowerCase();
  if (lower === 'message-id') return 'Message-ID';
  if (lower === 'in-reply-to') return 'In-Reply-To';
  if (lower === 'cc') return 'Cc';
  return lower[0].toUpperCase() + lower.slice(1);
}

/**
 * pipermail, hyperkitty and mail-archive print no labels: the subject (a "[PATCH …]" line), then
 * the author, then the date — or author and date on one line.
 */
function unlabelledHeader(lines: readonly SourceLine[]): HeaderBlock | undefined {
  const limit = Math.min(lines.length, SCAN_LINES);
  const content: number[] = [];
  for (let i = 0; i < limit && content.length < 4; i++) {
    const text = lines[i].text.trim();
    if (text === '' || chromeLine(text) !== undefined) continue;
    if (content.length === 0 && !PATCH_SUBJECT.test(text)) continue;
    content.push(i);
  }
  if (content.length < 2) return undefined;
  const [subjectAt, authorAt, dateAt] = content;
  const fields: HeaderField[] = [{ key: 'Subject', value: lines[subjectAt].text.trim(), line: lines[subjectAt].line, index: subjectAt }];
  const author = lines[authorAt].text.trim();
  const dateInAuthor = DATE_TEXT.exec(author);
  if (dateInAuthor && dateInAuthor.index > 0) {
    // mail-archive: "Ada Reviewer Fri, 01 Mar 2024 02:00:00 -0800".
    fields.push({ key: 'From', value: author.slice(0, dateInAuthor.index).trim(), line: lines[authorAt].line, index: authorAt });
    fields.push({ key: 'Date', value: dateInAuthor[0].trim(), line: lines[authorAt].line, index: authorAt });
    return { kind: 'archive', fields, bodyStart: authorAt + 1 };
  }
  if (author.length > 200 || DATE_TEXT.test(author) || dateAt === undefined || !DATE_TEXT.test(lines[dateAt].text.trim())) return undefined;
  fields.push({ key: 'From', value: author, line: lines[authorAt].line, index: authorAt });
  fields.push({ key: 'Date', value: lines[dateAt].text.trim(), line: lines[dateAt].line, index: dateAt });
  return { kind: 'archive', fields, bodyStart: dateAt + 1 };
}
