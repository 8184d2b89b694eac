// Compose Review Reply: the RFC 5322 reply a reviewer sends to the list. Pure: the identity,
// the date and the comments come in; the mail text and what the reviewer should know come out.
import type { Mail, Patch } from '../patch/model';
import { foldedAddressHeader, formatAddress, headerText, parseAddress, parseAddressList, uniqueAddresses, type Address } from './addresses';
import { isComplete, type Identity } from './identity';
import { formatMailDate } from './mail-date';
import { CUT_MARK, trimQuote, type ReviewComment, type TrimOptions } from './quote';
import { suggestionLines, type SuggestedChange } from './suggestion';
import { formatTrailer, type ReviewTrailerKind } from './trailers';
import { commentLines, DEFAULT_WRAP_WIDTH } from './wrap';

export interface ComposeInput {
  readonly patch: Patch;
  /** The document the patch was parsed from, split into lines (for header styles and message lines). */
  readonly documentLines: readonly string[];
  /** Which of patch.mails the reply answers. */
  readonly mailIndex: number;
  readonly comments: readonly ReviewComment[];
  readonly identity: Identity;
  readonly trailers: readonly ReviewTrailerKind[];
  readonly date: Date;
  /** Minutes east of UTC for the Date header (-Date.getTimezoneOffset()). */
  readonly utcOffsetMinutes: number;
  readonly trim?: TrimOptions;
  readonly wrapWidth?: number;
  /** The reviewer's own change, shown below the quoted review (Try a Change). */
  readonly suggestion?: SuggestedChange;
}

export interface ComposedReply {
  readonly text: string;
  /** Things the reviewer should know: headers left out and why. */
  readonly notices: readonly string[];
  /** A file name for saving the reply ("Re-...-subject.eml"). */
  readonly fileName: string;
}

/** The mail a document line belongs to (the last mail starting at or before it), or undefined. */
export function mailIndexAt(patch: Patch, line: number): number | undefined {
  let found: number | undefined;
  patch.mails.forEach((mail, i) => {
    if (mail.range.start.line <= line && line <= mail.range.end.line) found = i;
  });
  return found;
}

function headerOf(mail: Mail, key: string): string | undefined {
  const lower = key.toLowerCase();
  return mail.headers.find((h) => h.key.toLowerCase() === lower)?.value;
}

/** "<id@host>" however the original wrote it; undefined for an empty or hostile value. */
function messageIdOf(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed.length > 1000 || /\s/.test(trimmed.replace(/^<|>$/g, ''))) return undefined;
  return trimmed.startsWith('<') ? trimmed : `<${trimmed.replace(/>$/, '')}>`;
}

export function replySubject(subject: string): string {
  const clean = subject.replace(/\s+/g, ' ').trim();
  return /^re:/i.test(clean) ? clean : `Re: ${clean}`;
}

export function replyFileName(subject: string): string {
  const slug = replySubject(subject).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return `${slug || 'Re-review'}.eml`;
}

interface Recipients {
  readonly to: Address[];
  readonly cc: Address[];
  readonly notices: string[];
}

/** To: the author; Cc: everyone the original went to, without duplicates or the reviewer. */
function recipients(mail: Mail, identity: Identity): Recipients {
  const notices: string[] = [];
  const author = mail.from === undefined ? undefined : parseAddress(mail.from);
  if (!author) {
    notices.push(mail.from === undefined
      ? 'To: left out: the original has no From header.'
      : `To: left out: the original's From ("${mail.from}") holds no mail address (an archive copy hides it).`);
  }
  const self = identity.email === undefined ? [] : [{ email: identity.email }];
  const to = author ? uniqueAddresses([author], self) : [];
  const cc = uniqueAddresses([...parseAddressList(headerOf(mail, 'To')), ...parseAddressList(headerOf(mail, 'Cc'))], [...to, ...self]);
  if (headerOf(mail, 'To') === undefined && headerOf(mail, 'Cc') === undefined) {
    notices.push('Cc: left out: the original has no To or Cc header; add the list and the maintainers before sending.');
  }
  return { to, cc, notices };
}

/** In-Reply-To and References as RFC 5322 section 3.6.4 builds them; nothing is invented. */
function threading(mail: Mail): { headers: string[]; notices: string[] } {
  const id = messageIdOf(mail.messageId);
  const parents = mail.references.length > 0 ? mail.references : [mail.inReplyTo].filter((r): r is string => r !== undefined);
  const references = [...parents.map(messageIdOf).filter((r): r is string => r !== undefined), ...(id ? [id] : [])];
  const headers: string[] = [];
  const notices: string[] = [];
  if (id) headers.push(`In-Reply-To: ${id}`);
  else notices.push('In-Reply-To: left out: the original has no Message-Id, and kpr does not invent one. Reply from your mail client to the list copy to thread it.');
  if (references.length > 0) headers.push(`References: ${references.join('\n ')}`);
  return { headers, notices };
}

/** "On DATE, NAME wrote:": the author's display name when the From has one. */
function attribution(mail: Mail): string | undefined {
  const from = (mail.from === undefined ? undefined : parseAddress(mail.from)?.name ?? mail.from)?.trim();
  if (!from) return undefined;
  const date = mail.date?.trim();
  return date ? `On ${date}, ${from} wrote:` : `${from} wrote:`;
}

function quoteLine(text: string): string {
  return text === '' ? '>' : `> ${text}`;
}

export function composeReply(input: ComposeInput): ComposedReply {
  const mail = input.patch.mails[input.mailIndex];
  if (!mail) throw new RangeError(`no mail ${input.mailIndex} in the patch (it has ${input.patch.mails.length})`);
  const width = input.wrapWidth ?? DEFAULT_WRAP_WIDTH;
  const notices: string[] = [];
  const headers: string[] = [];
  if (input.identity.email) headers.push(`From: ${formatAddress({ name: input.identity.name, email: input.identity.email })}`);
  else notices.push('From: left out: no e-mail address in git config user.email or the setting kpr.review.email.');
  const { to, cc, notices: who } = recipients(mail, input.identity);
  notices.push(...who);
  if (to.length > 0) headers.push(foldedAddressHeader('To', to));
  if (cc.length > 0) headers.push(foldedAddressHeader('Cc', cc));
  headers.push(`Subject: ${headerText(replySubject(mail.subject))}`);
  headers.push(`Date: ${formatMailDate(input.date, input.utcOffsetMinutes)}`);
  const thread = threading(mail);
  headers.push(...thread.headers);
  notices.push(...thread.notices);
  headers.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit');

  const inMail = input.comments.filter((c) => Number.isInteger(c.line) && c.line >= mail.range.start.line && c.line <= mail.range.end.line);
  if (inMail.length < input.comments.length) notices.push(`${input.comments.length - inMail.length} comment(s) on other mails were left for their own replies.`);
  const quote = trimQuote(mail, input.documentLines, input.patch.repairs, inMail, input.trim);
  const body: string[] = [];
  const paragraph = (lines: readonly string[]) => {
    if (lines.length === 0) return;
    if (body.length > 0 && body[body.length - 1] !== '') body.push('');
    for (const line of lines) body.push(line); // not push(...): a quoted hunk may have a million lines
    body.push('');
  };
  for (const comment of quote.general) paragraph(commentLines(comment.body, width));
  const said = attribution(mail);
  if (said && quote.pieces.length > 0) body.push(said);
  for (const piece of quote.pieces) {
    if (piece.kind === 'quote') body.push(quoteLine(piece.text));
    else if (piece.kind === 'cut') body.push(quoteLine(CUT_MARK));
    else paragraph(commentLines(piece.comment.body, width));
  }
  if (input.suggestion) paragraph(suggestionLines(input.suggestion));
  const trailers = input.trailers.map((k) => formatTrailer(k, input.identity)).filter((t): t is string => t !== undefined);
  if (input.trailers.length > 0 && !isComplete(input.identity)) {
    notices.push('Trailers left out: they need your name and mail address (git config user.name/user.email or the settings kpr.review.name/kpr.review.email).');
  }
  paragraph(trailers);
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return { text: `${headers.join('\n')}\n\n${body.join('\n')}\n`, notices, fileName: replyFileName(mail.subject) };
}
