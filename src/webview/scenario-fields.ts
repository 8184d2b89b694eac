// The scenario form's text fields ⇄ the spec's scenario JSON, and which field a validation error
// belongs beside. No DOM here (unit-tested in Node). The model validates; this only converts, so
// a value typed wrong reaches the validator as typed and comes back with the rule it breaks.
import { isRecord, type ScenarioJson, type ViewMode } from '../shared/debugger-protocol';

export interface LevelFields {
  readonly lastPid: string;
  readonly used: string;
}

export interface ScenarioFields {
  /** next_syscall_data written before the other ops ('' for none). */
  readonly next: string;
  readonly depth: string;
  readonly pidMax: string;
  readonly levels: readonly LevelFields[];
  readonly failKmem: string;
  readonly failKzalloc: string;
  /** The ops after set_next, as JSON. */
  readonly ops: string;
}

/** Where an error is shown: a field id of the form (level fields carry their level). */
export type FieldId = 'next' | 'mode' | 'depth' | 'pid_max' | 'fail-kmem' | 'fail-kzalloc' | 'ops' | 'other' | `level-${number}-last` | `level-${number}-used`;

export interface FieldError {
  readonly field: FieldId;
  readonly message: string;
}

const MAX_LEVELS = 32;

/** A value as the form shows it: numbers and words as typed; JSON only where plain text would read back as something else. */
function text(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && typedValue(value) === value ? value : JSON.stringify(value);
}

function usedText(used: unknown): string {
  if (!Array.isArray(used)) return text(used);
  return used.map((entry) => (Array.isArray(entry) && entry.length === 2 && entry.every((n) => typeof n === 'number') ? `${entry[0]}-${entry[1]}` : text(entry))).join(', ');
}

export function fieldsFromScenario(scenario: ScenarioJson): ScenarioFields {
  const ops = Array.isArray(scenario.ops) ? scenario.ops : [];
  const first: unknown = ops[0];
  const hasNext = isRecord(first) && first.op === 'set_next';
  const namespaces = Array.isArray(scenario.namespaces) ? scenario.namespaces : [];
  // A depth that breaks its rule draws no rows of its own (the validator names it beside the field).
  const depth = typeof scenario.depth === 'number' && Number.isInteger(scenario.depth) && scenario.depth >= 0 && scenario.depth < MAX_LEVELS ? scenario.depth : 0;
  const levels: LevelFields[] = [];
  for (let level = 0; level < Math.min(MAX_LEVELS, Math.max(depth + 1, namespaces.length)); level++) {
    const entry: unknown = namespaces[level];
    levels.push(isRecord(entry) ? { lastPid: text(entry.last_pid), used: entry.used === undefined ? '' : usedText(entry.used) } : { lastPid: '', used: '' });
  }
  const fail = isRecord(scenario.fail) ? scenario.fail : {};
  const list = (value: unknown): string => (Array.isArray(value) ? value.map(text).join(', ') : text(value));
  return {
    next: hasNext ? text(first.value) : '',
    depth: text(scenario.depth),
    pidMax: text(scenario.pid_max),
    levels,
    failKmem: list(fail.kmem_cache_alloc),
    failKzalloc: list(fail.kzalloc),
    ops: JSON.stringify(hasNext ? ops.slice(1) : ops),
  };
}

/** A typed value: a number when it reads as one, else the text itself (the validator names the rule). */
export function typedValue(raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed) ? Number(trimmed) : trimmed;
}

function listOf(raw: string): unknown[] {
  return raw.split(',').map((t) => t.trim()).filter((t) => t !== '').map(typedValue);
}

/** "1, 2, 300-4000" → [1, 2, [300, 4000]]. */
export function parseUsed(raw: string): unknown[] {
  return raw.split(',').map((t) => t.trim()).filter((t) => t !== '').map((token) => {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(token);
    return range ? [Number(range[1]), Number(range[2])] : typedValue(token);
  });
}

export function scenarioFromFields(fields: ScenarioFields, mode: ViewMode): { ok: true; scenario: ScenarioJson } | { ok: false; errors: FieldError[] } {
  // Side by side (both, or as sent vs as edited) the scenario names the variant the columns run.
  const scenario: Record<string, unknown> = { variant: mode === 'baseline' || mode === 'sent-edited-baseline' ? 'baseline' : 'patched' };
  const pidMax = typedValue(fields.pidMax);
  if (pidMax !== undefined) scenario.pid_max = pidMax;
  const depth = typedValue(fields.depth);
  if (depth !== undefined) scenario.depth = depth;

  const namespaces = fields.levels.map((level) => {
    const entry: Record<string, unknown> = {};
    const lastPid = typedValue(level.lastPid);
    if (lastPid !== undefined) entry.last_pid = lastPid;
    if (level.used.trim() !== '') entry.used = parseUsed(level.used);
    return entry;
  });
  while (namespaces.length > 0 && Object.keys(namespaces[namespaces.length - 1]).length === 0) namespaces.pop();
  if (namespaces.length > 0) scenario.namespaces = namespaces;

  const kmem = listOf(fields.failKmem);
  const kzalloc = listOf(fields.failKzalloc);
  if (kmem.length > 0 || kzalloc.length > 0) scenario.fail = { kmem_cache_alloc: kmem, kzalloc };

  let ops: unknown;
  try {
    ops = fields.ops.trim() === '' ? [] : JSON.parse(fields.ops);
  } catch (error) {
    return { ok: false, errors: [{ field: 'ops', message: `ops: not valid JSON (${(error as Error).message})` }] };
  }
  if (!Array.isArray(ops)) return { ok: false, errors: [{ field: 'ops', message: 'ops: must be a JSON array of ops, e.g. [{ "op": "fork" }]' }] };
  const next = typedValue(fields.next);
  scenario.ops = next === undefined ? ops : [{ op: 'set_next', value: next }, ...ops];
  return { ok: true, scenario };
}

/** The field a validation error (spec path + rule) is shown beside, with the path as the form reads it. */
export function fieldOfError(path: string, message: string, hasNext: boolean): FieldError {
  const say = (field: FieldId, shown = path): FieldError => ({ field, message: `${shown}: ${message}` });
  if (path === 'pid_max') return say('pid_max');
  if (path === 'depth') return say('depth');
  if (path === 'variant') return say('mode');
  const level = /^namespaces\[(\d+)\]\.(last_pid|used)/.exec(path);
  if (level) return say(level[2] === 'last_pid' ? `level-${Number(level[1])}-last` : `level-${Number(level[1])}-used`);
  if (path.startsWith('fail.kmem_cache_alloc')) return say('fail-kmem');
  if (path.startsWith('fail.kzalloc')) return say('fail-kzalloc');
  const op = /^ops\[(\d+)\](.*)$/.exec(path);
  if (op) {
    const index = Number(op[1]);
    if (hasNext && index === 0) return say('next', `next_syscall_data${op[2] === '.value' ? '' : op[2]}`);
    return say('ops', `ops[${hasNext ? index - 1 : index}]${op[2]}`);
  }
  if (path === 'ops') return say('ops');
  return say('other');
}
