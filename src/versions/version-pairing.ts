// Which two patch documents are versions of the same series part: the same title once the
// bracket tags are gone, the same part number, and different versions (no version tag reads as
// v1, as b4 and the lists do).
import type { Patch } from '../patch/model';
import { parseSubject } from '../patch/subject';

export interface PatchIdentity {
  /** The subject's title, whitespace and case folded. */
  readonly title: string;
  readonly index?: number;
  readonly version: number;
}

export function identityOf(patch: Patch): PatchIdentity | undefined {
  const mail = patch.mails.find((m) => m.files.length > 0) ?? patch.mails[0];
  if (!mail) return undefined;
  const { title, series } = parseSubject(mail.subject);
  const folded = title.replace(/\s+/g, ' ').trim().toLowerCase();
  if (folded === '') return undefined;
  return { title: folded, ...(series.index === undefined ? {} : { index: series.index }), version: series.version ?? 1 };
}

/** True when the two are different versions of one series part. */
export function areVersionsOfOnePart(a: PatchIdentity, b: PatchIdentity): boolean {
  return a.title === b.title && a.index === b.index && a.version !== b.version;
}

/** The older and newer of two versions (by version number; the first given when equal). */
export function inVersionOrder<T>(a: { identity?: PatchIdentity; item: T }, b: { identity?: PatchIdentity; item: T }): [T, T] {
  return (b.identity?.version ?? 0) < (a.identity?.version ?? 0) ? [b.item, a.item] : [a.item, b.item];
}

/** A short name for a version in titles: "v2 3/5 use next syscall data…". */
export function versionLabel(identity: PatchIdentity | undefined, fallback: string): string {
  if (!identity) return fallback;
  return `v${identity.version}${identity.index === undefined ? '' : ` part ${identity.index}`}`;
}
