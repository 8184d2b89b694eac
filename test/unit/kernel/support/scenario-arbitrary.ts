// fast-check generators of valid scenarios aimed at the model's edges: pid_max around page
// boundaries, nearly full maps with a few holes, last_pid near the wrap, predefined numbers at
// the bounds, injected allocator failures, nested levels, and exits of children that are alive.
import fc from 'fast-check';
import { simulate } from '../../../../src/kernel/run';
import type { NamespaceSetup, Op, Scenario, UsedEntry } from '../../../../src/kernel/scenario';

const PAGE = 32768;

function interesting(pidMax: number): number[] {
  const points = [0, 1, 2, 299, 300, 301, 302, pidMax - 3, pidMax - 2, pidMax - 1];
  for (let page = 1; page * PAGE <= pidMax + 1; page++) points.push(page * PAGE - 2, page * PAGE - 1, page * PAGE, page * PAGE + 1);
  return [...new Set(points.filter((n) => n >= 0 && n < pidMax))];
}

const pidMaxArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 301, max: 1200 }) },
  { weight: 2, arbitrary: fc.constantFrom(32768, 32769, 65535, 65536, 65537, 98304 + 301) },
  { weight: 1, arbitrary: fc.integer({ min: 301, max: 4194304 }) },
);

function numberArb(pidMax: number): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(...interesting(pidMax)), fc.integer({ min: 0, max: pidMax - 1 }));
}

/** A used list: some ranges and single numbers, or everything from 1 up with a few holes. */
function usedArb(pidMax: number): fc.Arbitrary<UsedEntry[]> {
  const n = numberArb(pidMax);
  const scattered = fc.array(
    fc.oneof(n, fc.tuple(n, n).map(([a, b]): UsedEntry => [Math.min(a, b), Math.max(a, b)])),
    { maxLength: 6 },
  );
  const fullWithHoles = fc.array(n, { maxLength: 4 }).map((holes) => {
    const sorted = [...new Set(holes)].sort((a, b) => a - b);
    const used: UsedEntry[] = [];
    let from = 1;
    for (const hole of sorted) {
      if (hole > from) used.push([from, hole - 1]);
      from = Math.max(from, hole + 1);
    }
    if (from <= pidMax - 1) used.push([from, pidMax - 1]);
    return used;
  });
  return fc.oneof({ weight: 3, arbitrary: scattered }, { weight: 2, arbitrary: fullWithHoles });
}

function namespaceArb(pidMax: number): fc.Arbitrary<NamespaceSetup> {
  return fc.record({ lastPid: numberArb(pidMax), used: usedArb(pidMax) });
}

type DraftOp = Op | { op: 'exit-nth'; nth: number };

function opArb(pidMax: number): fc.Arbitrary<DraftOp> {
  const value = fc.oneof(
    fc.constantFrom(...interesting(pidMax), -1, pidMax, pidMax + 1, 2147483647, -2147483648),
    fc.integer({ min: 0, max: pidMax + 5 }),
  );
  return fc.oneof(
    { weight: 2, arbitrary: value.map((v): DraftOp => ({ op: 'set_next', value: v })) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }).map((repeat): DraftOp => ({ op: 'fork', repeat })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((repeat): DraftOp => ({ op: 'fork', repeat })) },
    { weight: 2, arbitrary: fc.nat(50).map((nth): DraftOp => ({ op: 'exit-nth', nth })) },
  );
}

/** Turns "exit the nth live child" into an exit of a real pid, dropping it when none is alive. */
function resolveExits(base: Omit<Scenario, 'ops'>, draft: DraftOp[]): Scenario {
  const ops: Op[] = [];
  for (const op of draft) {
    if (op.op !== 'exit-nth') {
      ops.push(op);
      continue;
    }
    const run = simulate({ ...base, ops });
    if (!run.ok) continue;
    const alive = new Set<number>();
    for (let f = 0; f < run.outcome.forks.length; f++) {
      const r = run.outcome.forks.at(f);
      if ('pids' in r) alive.add(r.pids[base.depth]);
    }
    for (const done of ops) if (done.op === 'exit') alive.delete(done.pid);
    const live = [...alive];
    if (live.length > 0) ops.push({ op: 'exit', pid: live[op.nth % live.length] });
  }
  return { ...base, ops };
}

export interface ScenarioLimits {
  readonly maxDepth?: number;
  readonly maxOps?: number;
}

export function scenarioArb(limits: ScenarioLimits = {}): fc.Arbitrary<Scenario> {
  return pidMaxArb.chain((pidMax) => {
    // Deep nesting only with small maps, so the naive reference stays fast.
    const depthMax = Math.min(limits.maxDepth ?? 31, pidMax <= 2000 ? 31 : pidMax <= 70000 ? 3 : 1);
    const depth = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: Math.min(2, depthMax) }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: depthMax }) });
    return depth.chain((d) =>
      fc.record({
        variant: fc.constantFrom('baseline' as const, 'patched' as const),
        namespaces: fc.array(namespaceArb(pidMax), { minLength: d + 1, maxLength: d + 1 }),
        kmemCacheAlloc: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
        kzalloc: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
        ops: fc.array(opArb(pidMax), { maxLength: limits.maxOps ?? 12 }),
      }).map((r) =>
        resolveExits(
          { variant: r.variant, pidMax, depth: d, namespaces: r.namespaces, fail: { kmemCacheAlloc: r.kmemCacheAlloc, kzalloc: r.kzalloc } },
          r.ops,
        ),
      ),
    );
  });
}
