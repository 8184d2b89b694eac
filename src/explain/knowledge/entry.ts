// The shape of one knowledge-base entry. Entries are plain data written by hand for reviewers:
// `summary` is one sentence, `detail` holds the semantics that matter when judging a patch.

export type EntryKind =
  | 'function'
  | 'macro'
  | 'constant'
  | 'errno'
  | 'type'
  | 'field'
  | 'variable'
  | 'local'
  | 'label'
  | 'concept';

export interface KnowledgeEntry {
  readonly name: string;
  readonly kind: EntryKind;
  /** One plain sentence: what it is or does. */
  readonly summary: string;
  /** A few sentences of semantics that matter for review. */
  readonly detail?: string;
  /** The numeric value of a constant or errno (x86_64, 4 KiB pages, linux-2.6.26). */
  readonly value?: number;
  /** 16 when the value reads better in hex (flag bits). */
  readonly radix?: 10 | 16;
  /** Names of related entries. */
  readonly seeAlso?: readonly string[];
  /** For locals, parameters and labels: the function they belong to. */
  readonly scope?: string;
  /** For fields: the struct they belong to. */
  readonly owner?: string;
  /** A review warning shown as a note whenever a line uses this name. */
  readonly caution?: string;
  /**
   * For calls used as a condition: how to say "the call returned true" and "returned false".
   * `$0` is the call's source text, `$1`, `$2`, … its arguments' source texts.
   */
  readonly condition?: { readonly whenTrue: string; readonly whenFalse: string };
}
