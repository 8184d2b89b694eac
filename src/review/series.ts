// A series: the cover letter (0/N) and parts 1/N…N/N, read from one mbox or a folder of mails,
// with the trailers its replies give, per part. Pure: documents come in parsed.
import type { Mail, Patch } from '../patch/model';
import { parseSubject } from '../patch/subject';
import { parseAddress } from './addresses';
import { replyTrailers, type GivenTrailer } from './trailers';

export interface SeriesSource {
  /** Where the mails come from (a document URI); parts point back to it. */
  readonly id: string;
  readonly patch: Patch;
  readonly lines: readonly string[];
}

export interface MailRef {
  readonly source: string;
  readonly mailIndex: number;
  /** 0-based document line of the mail's Subject (where "open part" goes). */
  readonly line: number;
  readonly subject: string;
}

export interface CollectedTrailer extends GivenTrailer {
  /** Who gave it: the reply's From. */
  readonly by?: string;
  readonly reply: MailRef;
}

export interface SeriesPart {
  /** 0 for the cover letter, else 1..total. */
  readonly index: number;
  readonly title: string;
  readonly mail: MailRef;
  /** Trailers given in replies to this part. */
  readonly trailers: readonly CollectedTrailer[];
  /** Stable across reloads: the key review states are kept under. */
  readonly key: string;
}

export interface Series {
  readonly key: string;
  readonly title: string;
  readonly total: number;
  readonly version?: number;
  readonly rfc: boolean;
  readonly cover?: SeriesPart;
  /** Parts 1..total that are present, in order. */
  readonly parts: readonly SeriesPart[];
  /** Part numbers 1..total that no source holds. */
  readonly missing: readonly number[];
}

interface Located {
  readonly source: SeriesSource;
  readonly mailIndex: number;
  readonly mail: Mail;
}

const MAX_TOTAL = 10_000;

function isReply(mail: Mail): boolean {
  return /^\s*(?:re|aw|sv)\s*:/i.test(mail.subject);
}

function ref(m: Located): MailRef {
  return { source: m.source.id, mailIndex: m.mailIndex, line: m.mail.subjectLine, subject: m.mail.subject };
}

function normalisedId(id: string | undefined): string | undefined {
  const trimmed = id?.trim().replace(/^<|>$/g, '');
  return trimmed ? trimmed.toLowerCase() : undefined;
}

/** The thread a patch mail belongs to (git send-email threads parts under the cover), else its sender and tags. */
function groupKey(mail: Mail): string {
  const root = normalisedId(mail.references[0]) ?? normalisedId(mail.inReplyTo) ?? (mail.series.index === 0 ? normalisedId(mail.messageId) : undefined);
  if (root) return `thread:${root}`;
  const from = (mail.from && parseAddress(mail.from)?.email?.toLowerCase()) ?? mail.from ?? '';
  return `mails:${from}|${mail.series.rfc ? 'rfc' : 'patch'}|v${mail.series.version ?? 1}|${mail.series.total ?? 1}`;
}

export function groupSeries(sources: readonly SeriesSource[]): Series[] {
  // The same mail read twice (an mbox and the folder it was made from) counts once.
  const seen = new Set<string>();
  const all: Located[] = sources.flatMap((source) => source.patch.mails.map((mail, mailIndex) => ({ source, mailIndex, mail }))).filter((m) => {
    const id = normalisedId(m.mail.messageId);
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const replies = all.filter((m) => isReply(m.mail));
  const patches = all.filter((m) => !isReply(m.mail) && (m.mail.series.total !== undefined || m.mail.files.length > 0));
  const groups = new Map<string, Located[]>();
  for (const m of patches) {
    const key = groupKey(m.mail);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const series: Series[] = [];
  for (const [key, members] of groups) {
    const total = Math.min(MAX_TOTAL, Math.max(1, ...members.map((m) => m.mail.series.total ?? 1)));
    const byIndex = new Map<number, Located>();
    for (const m of members) {
      const index = m.mail.series.index ?? (m.mail.series.total === undefined ? 1 : undefined);
      if (index === undefined || index < 0 || index > total || byIndex.has(index)) continue;
      byIndex.set(index, m);
    }
    const part = (index: number): SeriesPart | undefined => {
      const m = byIndex.get(index);
      if (!m) return undefined;
      const id = normalisedId(m.mail.messageId);
      const title = parseSubject(m.mail.subject).title;
      const answers = replies.filter((r) => (id !== undefined && normalisedId(r.mail.inReplyTo) === id)
        || (r.mail.inReplyTo === undefined && parseSubject(r.mail.subject).title === title && parseSubject(r.mail.subject).series.index === index));
      const trailers = answers.flatMap((r) => replyTrailers(r.source.lines, r.mail).map((t) => ({ ...t, by: r.mail.from, reply: ref(r) })));
      return { index, title, mail: ref(m), trailers, key: `${key}#${index}` };
    };
    const parts: SeriesPart[] = [];
    const missing: number[] = [];
    for (let i = 1; i <= total; i++) {
      const p = part(i);
      if (p) parts.push(p);
      else missing.push(i);
    }
    const cover = part(0);
    const first = cover ?? parts[0];
    const tag = (cover ? byIndex.get(0) : byIndex.get(parts[0]?.index ?? -1))?.mail.series;
    series.push({ key, title: first?.title ?? '', total, version: tag?.version, rfc: tag?.rfc ?? false, cover, parts, missing });
  }
  return series;
}

/** The cover letter and the parts, in reading order. */
export function readingOrder(series: Series): SeriesPart[] {
  return series.cover ? [series.cover, ...series.parts] : [...series.parts];
}

/** The part after (step 1) or before (step -1) the one with `key`; undefined at either end. */
export function neighbourPart(series: Series, key: string, step: 1 | -1): SeriesPart | undefined {
  const order = readingOrder(series);
  const at = order.findIndex((p) => p.key === key);
  return at < 0 ? undefined : order[at + step];
}

/** The part holding a document line, for "next/previous part" from the editor. */
export function partAt(series: readonly Series[], source: string, mailIndex: number): { series: Series; part: SeriesPart } | undefined {
  for (const s of series) {
    for (const p of readingOrder(s)) if (p.mail.source === source && p.mail.mailIndex === mailIndex) return { series: s, part: p };
  }
  return undefined;
}
