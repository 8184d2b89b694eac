// Scenario exploration: runs the model over a generated space of scenarios, both variants, and
// reports faults (findings), baseline/patched differences and patch lines no scenario reached.
export { explorePatch, DEFAULT_BUDGET_MS, DEFAULT_MAX_DEPTH } from './explore';
export type { ExplorationReport, ExploreOptions } from './explore';
export type { Finding, ErrorPath } from './findings';
export type { Difference } from './differences';
export type { Unreached } from './unreached';
export type { ScenarioJson, OpJson, NamespaceJson } from './scenario-json';
