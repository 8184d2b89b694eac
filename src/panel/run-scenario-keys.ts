// The scenario values a run's header shows, so runs for 0, -1, 42 and 299 can be told apart with
// the form folded. No `vscode` import: unit-tested in Node.
import type { Scenario } from '../kernel/scenario';
import type { RunScenarioKeys } from '../shared/debugger-protocol';

export function runScenarioKeys(scenario: Scenario): RunScenarioKeys {
  const setNext = scenario.ops.find((op) => op.op === 'set_next');
  return {
    nextSyscallData: setNext?.op === 'set_next' ? setNext.value : null,
    depth: scenario.depth,
    pidMax: scenario.pidMax,
    failing: [
      ...scenario.fail.kmemCacheAlloc.map((n) => `kmem_cache_alloc #${n}`),
      ...scenario.fail.kzalloc.map((n) => `kzalloc #${n}`),
    ],
  };
}
