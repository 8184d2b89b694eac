// A small, strict argument parser: every flag must be declared, so a typo is a usage error
// naming the flag rather than a silently ignored option.
import { UsageError } from './command';

export interface FlagSpec {
  /** true when the flag takes a value (`--next 500` or `--next=500`). */
  readonly takesValue: boolean;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

export function parseArgs(args: readonly string[], spec: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown flag: ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const flag = spec[name];
    if (!flag) throw new UsageError(`unknown flag: --${name}`);
    // Taking the last of two values silently would hide a typo in a long command line.
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (!flag.takesValue) {
      if (eq >= 0) throw new UsageError(`flag --${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`flag --${name} needs a value`);
    flags.set(name, value);
  }
  return { positionals, flags };
}

/** Reads an integer flag, naming the flag and the rule when the value is not one. */
export function integerFlag(parsed: ParsedArgs, name: string): number | undefined {
  const raw = parsed.flags.get(name);
  if (raw === undefined) return undefined;
  if (raw === true || !/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be an integer, got ${String(raw)}`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new UsageError(`--${name} is out of range: ${raw}`);
  return value;
}
