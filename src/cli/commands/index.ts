// The table of `kpr` subcommands. Each later feature adds its command here.
import type { CliCommand } from '../command';
import { parseCommand } from './parse';
import { simulateCommand } from './simulate';

export const commands: readonly CliCommand[] = [simulateCommand, parseCommand];
