// The contract between `kpr`'s dispatcher and each subcommand. Subcommands get their I/O
// injected so that tests drive them without spawning a process.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file, or standard input for "-". Throws a NodeJS.ErrnoException on failure. */
  readInput(path: string): Promise<string>;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `kpr --help`. */
  readonly summary: string;
  /** The usage line(s) for `kpr NAME --help`. */
  readonly usage: string;
  /** Returns the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_NOTHING_FOUND = 1;
export const EXIT_USAGE = 2;

/** Thrown by argument parsing; the dispatcher prints the message on one line and exits 2. */
export class UsageError extends Error {}
