// Builds the kernel a scenario starts from: each level's page 0 (namespace creation allocates
// it), bit 0 set, the `used` numbers set, and any other page that holds one of them.
import { countSetBits, setBitRange } from './bitmap';
import { BITS_PER_PAGE } from './constants';
import { Kernel } from './kernel';
import type { Scenario } from './scenario';

export function createKernel(scenario: Scenario): Kernel {
  const k = new Kernel({
    variant: scenario.variant,
    pidMax: scenario.pidMax,
    depth: scenario.depth,
    failKmemCacheAlloc: scenario.fail.kmemCacheAlloc,
    failKzalloc: scenario.fail.kzalloc,
    expectedForks: scenario.ops.reduce((sum, op) => sum + (op.op === 'fork' ? op.repeat : 0), 0),
  });
  scenario.namespaces.forEach((setup, level) => {
    const ns = k.namespaces[level];
    ns.lastPid = setup.lastPid;
    k.setupPage(ns, 0);
    const ranges: (readonly [number, number])[] = [[0, 0]];
    for (const entry of setup.used) ranges.push(typeof entry === 'number' ? [entry, entry] : entry);
    for (const [from, to] of ranges) {
      // A range may cross pages: set it page by page.
      for (let start = from; start <= to; ) {
        const entry = (start / BITS_PER_PAGE) | 0;
        const end = Math.min(to, (entry + 1) * BITS_PER_PAGE - 1);
        setBitRange(k.setupPage(ns, entry), start - entry * BITS_PER_PAGE, end - entry * BITS_PER_PAGE);
        start = end + 1;
      }
    }
    ns.pages.forEach((page, entry) => {
      if (page !== null) ns.nrFree[entry] = BITS_PER_PAGE - countSetBits(page);
    });
  });
  return k;
}
