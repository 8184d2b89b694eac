// The table of `kpr` subcommands. Each later feature adds its command here.
import type { CliCommand } from '../command';

export const commands: readonly CliCommand[] = [];
