// Series tags in a patch subject: "[RFC PATCH v2 3/5] foo" → rfc, version 2, patch 3 of 5.
import type { SeriesTag } from './model';

export interface ParsedSubject {
  readonly series: SeriesTag;
  /** The subject without reply prefixes and bracket groups. */
  readonly title: string;
}

const REPLY_PREFIX = /^(?:(?:re|fwd?|aw|sv)\s*:\s*)+/i;
const MAX_GROUPS = 10;

export function parseSubject(subject: string): ParsedSubject {
  let rest = subject.trim().replace(REPLY_PREFIX, '');
  const words: string[] = [];
  for (let groups = 0; groups < MAX_GROUPS && rest.startsWith('['); groups++) {
    const close = rest.indexOf(']');
    if (close < 0) break;
    words.push(...rest.slice(1, close).split(/[\s,]+/).filter((w) => w !== ''));
    rest = rest.slice(close + 1).trimStart().replace(REPLY_PREFIX, '');
  }
  let rfc = false;
  let version: number | undefined;
  let index: number | undefined;
  let total: number | undefined;
  const tags: string[] = [];
  for (const word of words) {
    const position = /^(\d{1,6})\/(\d{1,6})$/.exec(word);
    if (position) {
      index = Number(position[1]);
      total = Number(position[2]);
      continue;
    }
    const ver = /^v(\d{1,4})$/i.exec(word);
    if (ver) {
      version = Number(ver[1]);
      continue;
    }
    if (/^rfc$/i.test(word)) {
      rfc = true;
      continue;
    }
    // "PATCHv2" and "RFCv3" carry a version glued to the word.
    const glued = /^(PATCH|RFC)-?v(\d{1,4})$/i.exec(word);
    if (glued) {
      if (glued[1].toUpperCase() === 'RFC') rfc = true;
      else tags.push(glued[1]);
      version = Number(glued[2]);
      continue;
    }
    tags.push(word);
  }
  return { series: { rfc, version, index, total, tags }, title: rest };
}
