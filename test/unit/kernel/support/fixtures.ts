// Reads the scenario fixtures and builds scenarios from spec-shaped JSON in tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../../../src/kernel/scenario';
import { checkScenarioShape } from '../../../../src/kernel/validate';

export const repoRoot = join(__dirname, '..', '..', '..', '..', '..');
export const specExamplesDir = join(repoRoot, 'test', 'fixtures', 'scenarios', 'spec-examples');

export interface Example {
  readonly name: string;
  readonly scenarioPath: string;
  readonly scenarioText: string;
  readonly outcomeText: string;
}

export function specExamples(): Example[] {
  return readdirSync(specExamplesDir)
    .filter((f) => f.endsWith('.scenario.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.scenario\.json$/, '');
      const scenarioPath = join(specExamplesDir, f);
      return {
        name,
        scenarioPath,
        scenarioText: readFileSync(scenarioPath, 'utf8'),
        outcomeText: readFileSync(join(specExamplesDir, `${name}.outcome.json`), 'utf8'),
      };
    });
}

/** A scenario from spec-shaped JSON; throws (failing the test) when it breaks a rule. */
export function scenarioOf(json: unknown): Scenario {
  const checked = checkScenarioShape(json);
  if (!checked.ok) throw new Error(`bad test scenario: ${JSON.stringify(checked.errors)}`);
  return checked.scenario;
}
