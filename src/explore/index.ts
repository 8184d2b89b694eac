// Scenario exploration: runs the patch's text as written (the model where it is the model's) over a generated space of scenarios, both variants, and
// reports faults (findings), baseline/patched differences and patch lines no scenario reached.
export { exploreAsWritten, explorePatch, DEFAULT_BUDGET_MS, DEFAULT_MAX_DEPTH } from './explore';
export type { ExplorationReport, ExploreOptions, RefusedLine } from './explore';
export type { Finding, ErrorPath, OutsideThePatch } from './findings';
export { shownLine } from './findings';
export type { Difference } from './differences';
export type { Unreached } from './unreached';
export type { ScenarioJson, OpJson, NamespaceJson } from './scenario-json';
