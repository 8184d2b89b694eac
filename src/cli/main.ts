// Process entry of the `kpr` command: wires real stdin/stdout/files into runCli.
import { runCli } from './run';
import type { CliIo } from './command';
import { readInputLimited } from './input';
import { streamWriter } from './output';

// stderr carries one-line messages; a closed stderr must not turn into an uncaught error.
process.stderr.on('error', () => undefined);

const io: CliIo = {
  out: streamWriter(process.stdout),
  err: (text) => {
    process.stderr.write(text);
  },
  readInput: (path, maxBytes) => readInputLimited(path, maxBytes, process.stdin),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kpr: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
