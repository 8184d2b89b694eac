// The Variables view's content for one execution point, as plain trees: a frame's locals, every
// level's pid map, the heap and the faults so far. The session hands out references to them.
import { BITS_PER_PAGE } from '../kernel/constants';
import type { FaultSite, SourceLocator } from '../runtime';
import { formatFaultCause, formatTarget, formatValue, heapDetail } from '../stepper/format';
import type { ExecutionPoint, FrameView } from '../stepper/point';
import { bitUnderTest } from '../stepper/scan-marks';
import { isSetIn, pageRanges, type LevelSnapshot, type PageSnapshot } from '../stepper/pidmap-snapshot';

export interface VariableNode {
  readonly name: string;
  readonly value: string;
  readonly type?: string;
  readonly children?: readonly VariableNode[];
}

/** Used ranges listed before the rest is summarised: a fragmented page has thousands. */
const MAX_RANGES = 40;

export function localNodes(frame: FrameView): VariableNode[] {
  return frame.locals.map((l) => ({ name: l.name, value: formatValue(l.value), type: l.type }));
}

function rangesText(ranges: readonly [number, number][]): string {
  if (ranges.length === 0) return 'none';
  const shown = ranges.slice(0, MAX_RANGES).map(([a, b]) => (a === b ? String(a) : `${a}-${b}`));
  const rest = ranges.length - shown.length;
  return shown.join(', ') + (rest > 0 ? `, … (${rest} more ranges)` : '');
}

function pageNode(page: PageSnapshot): VariableNode {
  const used = BITS_PER_PAGE - page.nrFree;
  const ranges = rangesText(pageRanges(page));
  return {
    name: `pidmap[${page.entry}]`,
    value: `nr_free = ${page.nrFree}, used: ${ranges}`,
    type: 'struct pidmap',
    children: [
      { name: 'nr_free', value: String(page.nrFree), type: 'atomic_t' },
      { name: 'used', value: `${used} pids: ${ranges}` },
      { name: 'pids covered', value: `${page.entry * BITS_PER_PAGE}-${(page.entry + 1) * BITS_PER_PAGE - 1}` },
    ],
  };
}

function levelNode(level: LevelSnapshot, test: { level: number; nr: number } | null): VariableNode {
  const children: VariableNode[] = [{ name: 'last_pid', value: String(level.lastPid), type: 'int' }];
  if (test !== null && test.level === level.level) {
    const page = level.pages.find((p) => p.entry === Math.floor(test.nr / BITS_PER_PAGE));
    const state = test.nr < 0 ? 'out of range' : page === undefined ? 'page not allocated' : isSetIn(page, test.nr % BITS_PER_PAGE) ? 'set (in use)' : 'clear (free)';
    children.push({ name: 'bit under test', value: `${test.nr}: ${state}` });
  }
  children.push(...level.pages.map(pageNode));
  const pages = level.pages.length === 1 ? '1 page' : `${level.pages.length} pages`;
  return { name: `level ${level.level}`, value: `last_pid = ${level.lastPid}, ${pages} allocated`, type: 'struct pid_namespace', children };
}

export function pidmapNodes(point: ExecutionPoint): VariableNode[] {
  const test = bitUnderTest(point);
  return point.pidmaps.map((level) => levelNode(level, test));
}

export function heapNodes(point: ExecutionPoint): VariableNode[] {
  const nodes: VariableNode[] = point.heap.map((o) => ({ name: formatTarget(o.ref), value: `${o.type}, ${o.state}: ${heapDetail(o)}`, type: o.type }));
  const objects = point.heap.filter((o) => o.type !== 'error pointer').length;
  if (point.heapCount > objects) nodes.unshift({ name: '…', value: `${point.heapCount - objects} earlier objects (the latest ${objects} are listed)` });
  return nodes;
}

/** Where a fault is committed, as a user reads it ("line 212: kmem_cache_free(...)", 1-based). */
export function faultPlace(site: FaultSite, locator: SourceLocator): string {
  const at = locator.locate(site.site);
  return at.kind === 'patch' ? `line ${at.line + 1}: ${at.text}` : `model step ${site.site.stepId ?? site.site.fn}`;
}

export function faultNodes(sites: readonly FaultSite[], locator: SourceLocator): VariableNode[] {
  return sites.map((site, i) => ({
    name: `#${i + 1} ${site.fault.kind}`,
    value: `fork ${site.fault.fork}, ${faultPlace(site, locator)} — ${formatFaultCause(site.fault.cause)}`,
    type: 'fault',
  }));
}
