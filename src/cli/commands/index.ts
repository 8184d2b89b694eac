// The table of `kpr` subcommands. Each later feature adds its command here.
import type { CliCommand } from '../command';
import { parseCommand } from './parse';
import { simulateCommand } from './simulate';
import { mapCommand } from './map';
import { traceCommand } from './trace';
import { exploreCommand } from './explore';

export const commands: readonly CliCommand[] = [parseCommand, mapCommand, simulateCommand, traceCommand, exploreCommand];
