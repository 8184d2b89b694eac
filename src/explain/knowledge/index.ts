// The knowledge base as one list, and name lookup that uses what the line says about the name
// (a member after `->`, a tag after `struct`, a goto target) and the enclosing function.
import { conceptEntries } from './concepts';
import type { KnowledgeEntry } from './entry';
import { errnoEntries } from './errnos';
import { functionEntries } from './functions';
import { localEntries } from './locals';
import { macroEntries } from './macros';
import { fieldEntries, typeEntries } from './types';
import { variableEntries } from './variables';

export type { EntryKind, KnowledgeEntry } from './entry';

export const knowledgeBase: readonly KnowledgeEntry[] = [
  ...functionEntries,
  ...macroEntries,
  ...errnoEntries,
  ...typeEntries,
  ...fieldEntries,
  ...variableEntries,
  ...localEntries,
  ...conceptEntries,
];

/** How the name is used on the line; decides which of several same-named entries applies. */
export type IdentifierRole = 'plain' | 'member' | 'struct-tag' | 'label';

export interface LookupContext {
  readonly functionName?: string;
  readonly role?: IdentifierRole;
}

// A Map, not an object: names such as `constructor` or `__proto__` must not hit prototypes.
const byName = new Map<string, KnowledgeEntry[]>();
for (const entry of knowledgeBase) {
  const list = byName.get(entry.name);
  if (list) list.push(entry);
  else byName.set(entry.name, [entry]);
}

/** Every entry with exactly this name, in knowledge-base order. */
export function entriesNamed(name: string): readonly KnowledgeEntry[] {
  return byName.get(name) ?? [];
}

const globalKinds = new Set(['function', 'macro', 'constant', 'errno', 'variable']);

/** The entry that best explains `name` as used on a line, or undefined when none does. */
export function lookupIdentifier(name: string, context: LookupContext = {}): KnowledgeEntry | undefined {
  const candidates = byName.get(name);
  if (!candidates) return undefined;
  const role = context.role ?? 'plain';
  const inFunction = (e: KnowledgeEntry): boolean => e.scope !== undefined && e.scope === context.functionName;
  const first = (...tests: ((e: KnowledgeEntry) => boolean)[]): KnowledgeEntry | undefined => {
    for (const t of tests) {
      const hit = candidates.find(t);
      if (hit) return hit;
    }
    return undefined;
  };
  switch (role) {
    case 'member':
      return first((e) => e.kind === 'field');
    case 'struct-tag':
      return first((e) => e.kind === 'type');
    case 'label':
      return first((e) => e.kind === 'label' && inFunction(e), (e) => e.kind === 'label');
    case 'plain':
      // Locals shadow globals; without a known function, a local of any function is a better
      // answer than nothing, and its entry names the function it belongs to.
      return first(
        (e) => e.kind === 'local' && inFunction(e),
        (e) => globalKinds.has(e.kind),
        (e) => e.kind === 'local',
        (e) => e.kind === 'field',
        (e) => e.kind === 'type',
        (e) => e.kind === 'label',
        (e) => e.kind === 'concept',
      );
  }
}
