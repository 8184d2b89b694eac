// Compiles patches for the interpreter tests: the sample, the spec's edited copies, our own edits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCParser } from '../../../../src/c';
import { compileVariant, type CompileResult } from '../../../../src/interp';
import { formatOutcome } from '../../../../src/kernel/outcome';
import { runOps } from '../../../../src/kernel/run';
import type { Scenario } from '../../../../src/kernel/scenario';
import { createKernel } from '../../../../src/kernel/setup';
import type { Variant } from '../../../../src/kernel/statements';
import { parsePatchDocument } from '../../../../src/patch/parse';
import { repoRoot } from '../../kernel/support/fixtures';

export const editsDir = join(repoRoot, 'test', 'fixtures', 'edits');
export const samplePath = join(repoRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt');

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export async function compile(patchText: string, variant: Variant): Promise<CompileResult> {
  return compileVariant(parsePatchDocument(patchText), variant, await loadCParser());
}

/** The outcome text of a scenario on a compiled program (throws when the variant is refused). */
export function runOn(result: CompileResult, scenario: Scenario): string {
  if (!result.ok) throw new Error(`refused: ${result.problems.map((p) => `${p.line + 1}:${p.column + 1}: ${p.message}`).join('; ')}`);
  const run = runOps(createKernel(scenario), scenario, result.program.code);
  if (!run.ok) return `error: ${JSON.stringify(run.errors)}`;
  return formatOutcome(run.outcome);
}

/** The sample with one line's text replaced (the line must occur exactly once). */
export function editSample(edits: readonly (readonly [string, string])[]): string {
  let text = readText(samplePath);
  for (const [from, to] of edits) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit target not unique: ${from}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}
