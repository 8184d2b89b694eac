// The commands that work on the kernel model: they need the mapping, the interpreter, the
// stepper and the C front end, most of kpr's code. The command table (index.ts) loads this
// module only when one of them runs or shows its help, and the bundle keeps it in a file of its
// own (dist/cli-model.js, scripts/build.mjs), so `kpr parse` neither compiles nor runs any of it.
export { mapCommand } from './map';
export { simulateCommand } from './simulate';
export { traceCommand } from './trace';
export { exploreCommand } from './explore';
