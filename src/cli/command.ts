// The contract between `kpr`'s dispatcher and each subcommand. Subcommands get their I/O
// injected so that tests drive them without spawning a process.

export interface CliIo {
  /**
   * Writes to standard output. The promise (when there is one) settles once the reader can take
   * more, so a command that awaits each write holds at most one chunk in memory; it rejects with
   * OutputClosed when the reader went away (`kpr … | head -1`).
   */
  out(text: string): void | Promise<void>;
  /** Writes to standard error (the dispatcher escapes control characters: see one-line.ts). */
  err(text: string): void;
  /**
   * Reads a file, or standard input for "-", as UTF-8 (or the one charset its mail declares, when
   * its bytes are not UTF-8: input.ts), stopping as soon as more than maxBytes came in
   * (InputTooLarge). Throws a NodeJS.ErrnoException when the file cannot be read.
   */
  readInput(path: string, maxBytes: number): Promise<InputText>;
}

/** An input's text, and how it was read when that was not as UTF-8 (the command says so on standard error). */
export interface InputText {
  readonly text: string;
  readonly note?: string;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `kpr --help`. */
  readonly summary: string;
  /** The full help of `kpr NAME --help`: usage, flags, examples and exit status. */
  readonly usage: string;
  /** Returns the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every subcommand (stated in every command's --help). */
export const EXIT_OK = 0;
/** The input was read but holds nothing to work on: no patch, or none of the modelled code. */
export const EXIT_NOTHING_FOUND = 1;
/** A usage error, or an input that cannot be used (unreadable, too large, a broken scenario). */
export const EXIT_USAGE = 2;

/** The exit-status section every command's help ends with. */
export const EXIT_STATUS_HELP = `Exit status:
  0  done (also when the reader of the output goes away early, as with | head)
  1  the input holds nothing to work on (no patch, or none of the modelled kernel code)
  2  usage error, or an input that cannot be used (unreadable, too large, a broken scenario)`;

/** Thrown by argument parsing; the dispatcher prints the message on one line and exits 2. */
export class UsageError extends Error {}

/** Thrown by CliIo.out once standard output's reader has gone away: the command stops quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('the output was closed by its reader');
  }
}

/** Thrown by CliIo.readInput when an input is over the size limit (read no further than that). */
export class InputTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`input-too-large: the input is larger than the ${maxBytes}-byte limit`);
  }
}
