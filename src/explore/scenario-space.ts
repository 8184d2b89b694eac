// The space of scenarios exploration runs: boundary values of next_syscall_data, namespace
// depths, empty / nearly full / full maps at each level, maps whose next page is not allocated
// yet, and exits with reuse. It knows the scenario format and the kernel's constants, not the
// patch's bugs: what is wrong is for the sanitizer and the baseline/patched comparison to say.
// Failure injection is added by the explorer, once a case's allocation calls are counted.
import { BITS_PER_PAGE, PID_MAX_DEFAULT, RESERVED_PIDS } from '../kernel/constants';
import { simulate } from '../kernel/run';
import { checkScenarioShape } from '../kernel/validate';
import type { NamespaceJson, OpJson, ScenarioJson, UsedJson } from './scenario-json';

/** One explored case: a scenario without its variant, and what it is meant to probe. */
export interface ExploredCase {
  readonly scenario: Omit<ScenarioJson, 'variant'>;
  /** e.g. `depth 1, level 0 full, set_next 300, fork` (for reports and debugging). */
  readonly label: string;
  /**
   * Whether each kmem_cache_alloc call is also made to fail in turn. It is the first thing a
   * fork does, before any map is read, so it is crossed with each fork sequence at each depth on
   * empty maps, not with every map and next_syscall_data value (kzalloc, which depends on the
   * maps, is injected everywhere it is called).
   */
  readonly injectKmem: boolean;
}

interface MapConfig {
  readonly pidMax: number;
  readonly namespaces: readonly NamespaceJson[];
  readonly label: string;
  /** Numbers this config marks used at the forking level: set_next tries them (EBUSY). */
  readonly usedAtDepth: readonly number[];
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** Two pidmap pages: a value or a scan can reach a page that is not allocated yet. */
const TWO_PAGES = 2 * BITS_PER_PAGE;

function emptyLevels(depth: number): NamespaceJson[] {
  return Array.from({ length: depth + 1 }, () => ({}));
}

/** The maps a depth is explored with: every level empty, then one level changed at a time. */
function mapConfigs(depth: number): MapConfig[] {
  const configs: MapConfig[] = [{ pidMax: PID_MAX_DEFAULT, namespaces: [], label: 'empty maps', usedAtDepth: [] }];
  const oneLevel = (pidMax: number, level: number, ns: NamespaceJson, label: string, usedAtDepth: readonly number[] = []): MapConfig => {
    const namespaces = emptyLevels(depth);
    namespaces[level] = ns;
    // Trailing empty levels are the default: leave them out so scenarios stay short.
    while (namespaces.length > 0 && Object.keys(namespaces[namespaces.length - 1]).length === 0) namespaces.pop();
    return { pidMax, namespaces, label, usedAtDepth };
  };
  const pidMax = PID_MAX_DEFAULT;
  // A used range starting at RESERVED_PIDS: set_next tries both of its ends.
  const used: UsedJson[] = [[RESERVED_PIDS, RESERVED_PIDS + 2]];
  configs.push(oneLevel(pidMax, depth, { used }, `level ${depth} with ${RESERVED_PIDS}-${RESERVED_PIDS + 2} used`, [RESERVED_PIDS, RESERVED_PIDS + 2]));
  for (let level = 0; level <= depth; level++) {
    configs.push(oneLevel(pidMax, level, { last_pid: pidMax - 2, used: [[1, pidMax - 2]] }, `level ${level} nearly full (only ${pidMax - 1} free)`));
    configs.push(oneLevel(pidMax, level, { last_pid: pidMax - 1, used: [[1, pidMax - 1]] }, `level ${level} full`));
  }
  configs.push({ pidMax: TWO_PAGES, namespaces: [], label: `pid_max ${TWO_PAGES}, second pidmap page not allocated`, usedAtDepth: [] });
  const firstPageFull: NamespaceJson = { last_pid: BITS_PER_PAGE - 1, used: [[1, BITS_PER_PAGE - 1]] };
  for (let level = 0; level <= depth; level++) {
    configs.push(oneLevel(TWO_PAGES, level, firstPageFull, `pid_max ${TWO_PAGES}, level ${level} first page full, second not allocated`));
  }
  // Two levels at once: the forking level down to its last free number while a parent still has
  // to allocate a page, so whatever one fork leaves set there decides whether the next one can.
  for (let parent = 0; parent < depth; parent++) {
    const namespaces = emptyLevels(depth);
    namespaces[parent] = firstPageFull;
    namespaces[depth] = { last_pid: TWO_PAGES - 2, used: [[1, TWO_PAGES - 2]] };
    configs.push({
      pidMax: TWO_PAGES, namespaces, usedAtDepth: [],
      label: `pid_max ${TWO_PAGES}, level ${depth} nearly full (only ${TWO_PAGES - 1} free), level ${parent} first page full, second not allocated`,
    });
  }
  return configs;
}

/**
 * next_syscall_data values tried against a config. Values inside the number space (1 to
 * pid_max - 1) go against every map; values outside it (negative, 0, pid_max and up, the int
 * extremes) are map-independent range probes and go against empty maps only.
 */
function boundaryValues(config: MapConfig, empty: boolean): number[] {
  const inside = [1, RESERVED_PIDS - 1, RESERVED_PIDS, RESERVED_PIDS + 1, config.pidMax - 1, ...config.usedAtDepth];
  if (config.pidMax > BITS_PER_PAGE) inside.push(BITS_PER_PAGE, BITS_PER_PAGE + RESERVED_PIDS);
  const outside = empty ? [-1, 0, config.pidMax, INT32_MIN, INT32_MAX] : [];
  return [...new Set([...outside, ...inside])];
}

function scenarioOf(config: MapConfig, depth: number, ops: readonly OpJson[]): Omit<ScenarioJson, 'variant'> {
  return {
    ...(config.pidMax === PID_MAX_DEFAULT ? {} : { pid_max: config.pidMax }),
    ...(depth === 0 ? {} : { depth }),
    ...(config.namespaces.length === 0 ? {} : { namespaces: config.namespaces }),
    ops,
  };
}

/** The child's number at `depth` after one plain fork, or undefined when that fork fails. */
function firstChild(config: MapConfig, depth: number): number | undefined {
  const shape = checkScenarioShape({ variant: 'baseline', ...scenarioOf(config, depth, [{ op: 'fork' }]) });
  if (!shape.ok) return undefined;
  const run = simulate(shape.scenario);
  if (!run.ok || run.outcome.forks.failed(0)) return undefined;
  const first = run.outcome.forks.at(0);
  return 'pids' in first ? first.pids[depth] : undefined;
}

/**
 * Every case, smallest first within each depth: one fork with each boundary value (or none),
 * two forks (what a failed or consumed value leaves for the next fork), then exit and reuse:
 * a child exits and its number is predefined again, as a restart would.
 */
export function* scenarioSpace(maxDepth: number): Generator<ExploredCase> {
  for (let depth = 0; depth <= maxDepth; depth++) {
    for (const config of mapConfigs(depth)) {
      const where = `depth ${depth}, ${config.label}`;
      const empty = config.namespaces.length === 0;
      const make = (ops: readonly OpJson[], what: string, injectKmem = empty): ExploredCase =>
        ({ scenario: scenarioOf(config, depth, ops), label: `${where}, ${what}`, injectKmem });
      yield make([{ op: 'fork' }], 'fork');
      for (const value of boundaryValues(config, empty)) {
        yield make([{ op: 'set_next', value }, { op: 'fork' }], `set_next ${value}, fork`, false);
      }
    }
  }
  for (let depth = 0; depth <= maxDepth; depth++) {
    for (const config of mapConfigs(depth)) {
      const where = `depth ${depth}, ${config.label}`;
      const make = (ops: readonly OpJson[], what: string): ExploredCase =>
        ({ scenario: scenarioOf(config, depth, ops), label: `${where}, ${what}`, injectKmem: config.namespaces.length === 0 });
      yield make([{ op: 'fork' }, { op: 'fork' }], 'fork twice');
      yield make([{ op: 'set_next', value: RESERVED_PIDS }, { op: 'fork' }, { op: 'fork' }], `set_next ${RESERVED_PIDS}, fork twice`);
      const child = firstChild(config, depth);
      if (child === undefined) continue;
      yield make([{ op: 'fork' }, { op: 'exit', pid: child }, { op: 'fork' }], `fork, exit ${child}, fork`);
      yield make([{ op: 'fork' }, { op: 'exit', pid: child }, { op: 'set_next', value: child }, { op: 'fork' }], `fork, exit ${child}, set_next ${child}, fork (restore)`);
    }
  }
}
