// The table of `kpr` subcommands. Each later feature adds its command here. `parse` is loaded
// with the table; the model's commands are loaded when one of them is used (model-commands.ts).
import type { CliCommand } from '../command';
import { parseCommand } from './parse';

type ModelCommands = typeof import('./model-commands');

let modelCommands: ModelCommands | undefined;

function loadModelCommands(): ModelCommands {
  // A plain require, not import(): the help texts are read synchronously.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  modelCommands ??= require('./model-commands') as ModelCommands;
  return modelCommands;
}

/** A command known by its name until its summary, help or run is asked for. */
function loadedOnUse(name: string, pick: (commands: ModelCommands) => CliCommand): CliCommand {
  return {
    name,
    get summary() {
      return pick(loadModelCommands()).summary;
    },
    get usage() {
      return pick(loadModelCommands()).usage;
    },
    run: (args, io) => pick(loadModelCommands()).run(args, io),
  };
}

export const commands: readonly CliCommand[] = [
  parseCommand,
  loadedOnUse('map', (c) => c.mapCommand),
  loadedOnUse('simulate', (c) => c.simulateCommand),
  loadedOnUse('trace', (c) => c.traceCommand),
  loadedOnUse('explore', (c) => c.exploreCommand),
];
