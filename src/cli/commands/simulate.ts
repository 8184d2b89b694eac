// `kpr simulate FILE|-`: runs a scenario through the kernel model in fast mode and prints the
// outcome JSON exactly as the spec lays it out, streamed chunk by chunk. A scenario that breaks
// a rule gets one line naming the field and the rule, and exit 2.
import { parseArgs } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand } from '../command';
import { inputName, readTextInput } from '../patch-input';
import { simulate } from '../../kernel/run';
import { parseScenario, scenarioErrorText } from '../../kernel/scenario-input';
import { outcomeChunks } from '../../kernel/outcome';
import { runPatchScenario } from '../../interp';

const USAGE = `Usage: kpr simulate [--patch PATCH] FILE|-

Reads a scenario (FILE, or - for standard input), runs it through the model of kernel/pid.c
before or after the patch, and prints the outcome JSON. The output is written as it is made, so
millions of forks stream through a pipe in bounded memory.

With --patch PATCH, runs the C code PATCH shows as written (its pre-image for "baseline", its
post-image for "patched"); the model supplies only what the patch does not show. Code that
cannot run is refused before anything runs: one PATH:LINE:COLUMN line per problem (exit 2).

Format (the scenario spec, v1; its examples with their outcomes are in the source repository's
test/fixtures/scenarios/spec-examples/):
  scenario  {"variant": "baseline"|"patched", "pid_max": 301..4194304 (32768), "depth": 0..31 (0),
             "namespaces": [{"last_pid": N, "used": [N, [FROM, TO], ...]}, ...]  (index = level),
             "fail": {"kmem_cache_alloc": [CALL, ...], "kzalloc": [CALL, ...]},
             "ops": [{"op": "set_next", "value": N}, {"op": "fork", "repeat": K (1)},
                     {"op": "exit", "pid": N}, ...]}
  outcome   {"forks": [{"pids": [N0, ..., N_depth]} | {"errno": "ENOMEM"|"EINVAL"|"EBUSY"}, ...],
             "faults": [{"fork": I, "kind": "err-ptr-deref"|"invalid-free"|"leak"|"pidmap-leak"}, ...],
             "next_syscall_data": N|null,
             "final": [{"level": L, "last_pid": N, "used": [[FROM, TO], ...], "nr_free": {"ENTRY": N}}, ...]}
  A scenario asks for at most 33554432 pid allocations in all (each fork: depth + 1).

Examples:
  echo '{"variant":"patched","ops":[{"op":"set_next","value":299},{"op":"fork"}]}' | kpr simulate -
  kpr simulate scenario.json > outcome.json
  kpr simulate --patch my-fix.patch scenario.json

A scenario that breaks a rule is refused as a whole, with one line naming the field and the
rule (exit 2).`;

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'run a pid-allocation scenario through the kernel model and print the outcome JSON',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { patch: { takesValue: true } });
    if (parsed.positionals.length !== 1) throw new UsageError('expects exactly one scenario FILE (or - for standard input)');
    const path = parsed.positionals[0];
    const read = await readTextInput('simulate', path, io, inputName(path));
    if (!read.ok) return read.exit;
    const patchPath = parsed.flags.get('patch');
    if (typeof patchPath === 'string') {
      const patch = await readTextInput('simulate', patchPath, io);
      if (!patch.ok) return patch.exit;
      const result = await runPatchScenario(patchPath, patch.text, read.text);
      if (!result.ok) {
        for (const line of result.errors) io.err(`${line}\n`);
        return EXIT_USAGE;
      }
      for (const chunk of outcomeChunks(result.outcome)) await io.out(chunk);
      return EXIT_OK;
    }
    const checked = parseScenario(read.text, false);
    if (!checked.ok) {
      io.err(`kpr simulate: ${scenarioErrorText(checked.errors[0])}\n`);
      return EXIT_USAGE;
    }
    const run = simulate(checked.scenario);
    if (!run.ok) {
      io.err(`kpr simulate: ${scenarioErrorText(run.errors[0])}\n`);
      return EXIT_USAGE;
    }
    for (const chunk of outcomeChunks(run.outcome)) await io.out(chunk);
    return EXIT_OK;
  },
};
