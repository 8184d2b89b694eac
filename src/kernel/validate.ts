// Scenario validation (spec "Errors"): every rule broken is reported with the field path and
// the rule, e.g. `namespaces[1].last_pid: must be an integer from 0 to 32767 (pid_max - 1), got
// 40000`. Static rules are checked here; whether an `exit` names a live child depends on the
// ops before it, so validateScenario runs the model (fast mode) to check that too.
import { MAX_DEPTH, PID_MAX_DEFAULT, PID_MAX_LIMIT } from './constants';
import type { NamespaceSetup, Op, Scenario, ScenarioError, UsedEntry } from './scenario';
import { VARIANTS, type Variant } from './statements';

/** The most pid allocations (forks x levels) one run may ask for, so no input runs for hours. */
export const MAX_ALLOCATIONS = 1 << 25;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export type ShapeResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(object: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

class Checker {
  readonly errors: ScenarioError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  unknownFields(object: Record<string, unknown>, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.fail(path === '' ? key : `${path}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  /** An integer in [min, max]; `range` words the rule. Returns undefined when broken. */
  integer(value: unknown, path: string, min: number, max: number, range: string): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `must be ${range}, got ${describe(value)}`);
      return undefined;
    }
    return value === 0 ? 0 : value; // -0 reads as 0
  }
}

function checkUsed(c: Checker, value: unknown, path: string, pidMax: number | undefined): UsedEntry[] {
  const used: UsedEntry[] = [];
  if (!Array.isArray(value)) {
    c.fail(path, `must be an array of pid numbers and [from, to] ranges, got ${describe(value)}`);
    return used;
  }
  const max = pidMax === undefined ? PID_MAX_LIMIT - 1 : pidMax - 1;
  const range = pidMax === undefined ? 'an integer from 0 to pid_max - 1' : `an integer from 0 to ${max} (pid_max - 1)`;
  value.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (Array.isArray(entry)) {
      if (entry.length !== 2) {
        c.fail(at, `a range must be an array of exactly two integers [from, to], got ${entry.length} elements`);
        return;
      }
      const from = c.integer(entry[0], `${at}[0]`, 0, max, range);
      const to = c.integer(entry[1], `${at}[1]`, 0, max, range);
      if (from === undefined || to === undefined) return;
      if (from > to) {
        c.fail(at, `a range [from, to] must have from <= to, got [${from}, ${to}]`);
        return;
      }
      used.push([from, to]);
      return;
    }
    if (typeof entry !== 'number') {
      c.fail(at, `must be a pid number or a [from, to] range, got ${describe(entry)}`);
      return;
    }
    const nr = c.integer(entry, at, 0, max, range);
    if (nr !== undefined) used.push(nr);
  });
  return used;
}

function checkNamespaces(c: Checker, value: unknown, depth: number | undefined, pidMax: number | undefined): NamespaceSetup[] {
  const out: NamespaceSetup[] = [];
  if (!Array.isArray(value)) {
    c.fail('namespaces', `must be an array of { "last_pid", "used" } objects, got ${describe(value)}`);
    return out;
  }
  if (depth !== undefined && value.length > depth + 1) {
    c.fail('namespaces', `must have at most ${depth + 1} entries (depth + 1), got ${value.length}`);
  }
  value.forEach((entry: unknown, level) => {
    const path = `namespaces[${level}]`;
    if (!isObject(entry)) {
      c.fail(path, `must be an object with "last_pid" and "used", got ${describe(entry)}`);
      return;
    }
    c.unknownFields(entry, ['last_pid', 'used'], path);
    let lastPid = 0;
    if (has(entry, 'last_pid')) {
      const range = pidMax === undefined ? 'an integer from 0 to pid_max - 1' : `an integer from 0 to ${pidMax - 1} (pid_max - 1)`;
      lastPid = c.integer(entry.last_pid, `${path}.last_pid`, 0, (pidMax ?? PID_MAX_LIMIT) - 1, range) ?? 0;
    }
    const used = has(entry, 'used') ? checkUsed(c, entry.used, `${path}.used`, pidMax) : [];
    out.push({ lastPid, used });
  });
  return out;
}

function checkFail(c: Checker, value: unknown): { kmemCacheAlloc: number[]; kzalloc: number[] } {
  const out = { kmemCacheAlloc: [] as number[], kzalloc: [] as number[] };
  if (!isObject(value)) {
    c.fail('fail', `must be an object with "kmem_cache_alloc" and "kzalloc" lists, got ${describe(value)}`);
    return out;
  }
  c.unknownFields(value, ['kmem_cache_alloc', 'kzalloc'], 'fail');
  for (const [key, target] of [['kmem_cache_alloc', out.kmemCacheAlloc], ['kzalloc', out.kzalloc]] as const) {
    if (!has(value, key)) continue;
    const list = value[key];
    if (!Array.isArray(list)) {
      c.fail(`fail.${key}`, `must be an array of call numbers (integers >= 1), got ${describe(list)}`);
      continue;
    }
    list.forEach((entry: unknown, index) => {
      const n = c.integer(entry, `fail.${key}[${index}]`, 1, Number.MAX_VALUE, 'an integer >= 1');
      if (n !== undefined) target.push(n);
    });
  }
  return out;
}

const OP_FIELDS: Readonly<Record<Op['op'], readonly string[]>> = {
  set_next: ['op', 'value'],
  fork: ['op', 'repeat'],
  exit: ['op', 'pid'],
};

function checkOp(c: Checker, value: unknown, path: string): Op | undefined {
  if (!isObject(value)) {
    c.fail(path, `must be an op object like { "op": "fork" }, got ${describe(value)}`);
    return undefined;
  }
  if (!has(value, 'op')) {
    c.fail(`${path}.op`, 'is required (one of "set_next", "fork", "exit")');
    return undefined;
  }
  const name = value.op;
  if (name !== 'set_next' && name !== 'fork' && name !== 'exit') {
    c.fail(`${path}.op`, `must be one of "set_next", "fork", "exit", got ${describe(name)}`);
    return undefined;
  }
  const before = c.errors.length;
  c.unknownFields(value, OP_FIELDS[name], path);
  let op: Op | undefined;
  if (name === 'set_next') {
    if (!has(value, 'value')) c.fail(`${path}.value`, 'is required for "set_next"');
    else {
      const v = c.integer(value.value, `${path}.value`, INT32_MIN, INT32_MAX, `a 32-bit signed integer (${INT32_MIN} to ${INT32_MAX})`);
      if (v !== undefined) op = { op: 'set_next', value: v };
    }
  } else if (name === 'fork') {
    const repeat = has(value, 'repeat') ? c.integer(value.repeat, `${path}.repeat`, 1, PID_MAX_LIMIT, `an integer from 1 to ${PID_MAX_LIMIT}`) : 1;
    if (repeat !== undefined) op = { op: 'fork', repeat };
  } else {
    if (!has(value, 'pid')) c.fail(`${path}.pid`, 'is required for "exit"');
    else {
      const pid = c.integer(value.pid, `${path}.pid`, -Number.MAX_VALUE, Number.MAX_VALUE, 'an integer');
      if (pid !== undefined) op = { op: 'exit', pid };
    }
  }
  return c.errors.length === before ? op : undefined;
}

/** The static rules of the spec: everything except "exit names a live child". */
export function checkScenarioShape(json: unknown): ShapeResult {
  const c = new Checker();
  if (!isObject(json)) {
    c.fail('scenario', `must be a JSON object, got ${describe(json)}`);
    return { ok: false, errors: c.errors };
  }
  c.unknownFields(json, ['variant', 'pid_max', 'depth', 'namespaces', 'fail', 'ops'], '');

  let variant: Variant | undefined;
  if (!has(json, 'variant')) c.fail('variant', 'is required ("baseline" or "patched")');
  else if (!VARIANTS.includes(json.variant as Variant)) c.fail('variant', `must be "baseline" or "patched", got ${describe(json.variant)}`);
  else variant = json.variant as Variant;

  const pidMax = has(json, 'pid_max')
    ? c.integer(json.pid_max, 'pid_max', 301, PID_MAX_LIMIT, `an integer from 301 to ${PID_MAX_LIMIT}`)
    : PID_MAX_DEFAULT;
  const depth = has(json, 'depth') ? c.integer(json.depth, 'depth', 0, MAX_DEPTH, `an integer from 0 to ${MAX_DEPTH}`) : 0;
  const given = has(json, 'namespaces') ? checkNamespaces(c, json.namespaces, depth, pidMax) : [];
  const fail = has(json, 'fail') ? checkFail(c, json.fail) : { kmemCacheAlloc: [], kzalloc: [] };

  const ops: Op[] = [];
  if (!has(json, 'ops')) c.fail('ops', 'is required (an array of ops)');
  else if (!Array.isArray(json.ops)) c.fail('ops', `must be an array of ops, got ${describe(json.ops)}`);
  else {
    json.ops.forEach((entry: unknown, index) => {
      const op = checkOp(c, entry, `ops[${index}]`);
      if (op) ops.push(op);
    });
  }

  if (c.errors.length > 0 || variant === undefined || pidMax === undefined || depth === undefined) {
    return { ok: false, errors: c.errors };
  }
  const forks = ops.reduce((sum, op) => sum + (op.op === 'fork' ? op.repeat : 0), 0);
  if (forks * (depth + 1) > MAX_ALLOCATIONS) {
    c.fail('ops', `must ask for at most ${MAX_ALLOCATIONS} pid allocations in all (forks x (depth + 1)), got ${forks * (depth + 1)}`);
    return { ok: false, errors: c.errors };
  }
  const namespaces: NamespaceSetup[] = [];
  for (let level = 0; level <= depth; level++) namespaces.push(given[level] ?? { lastPid: 0, used: [] });
  return { ok: true, scenario: { variant, pidMax, depth, namespaces, fail, ops } };
}
