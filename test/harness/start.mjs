// `npm start`: the real VS Code (code-server 4.96.4) on 127.0.0.1 with kpr installed from a
// freshly packaged .vsix and the bundled sample patch open. Prints the URL; Ctrl+C stops the
// server and everything it started, and removes its state folder.
//   PORT=8080 (default; a free port is chosen when it is taken)
import { join } from 'node:path';
import { ensureCodeServer } from './lib/install-code-server.mjs';
import { makeState, startCodeServer, installExtension, freePort, remoteUri, workbenchUrl } from './lib/server.mjs';
import { projectRoot, resultsDir } from './lib/paths.mjs';
import { log } from './lib/log.mjs';
import { packageVsix } from './lib/vsix.mjs';
import { createServer } from 'node:net';

const SAMPLE = join(projectRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt');

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

ensureCodeServer();
const vsix = join(resultsDir, 'kernel-patch-review.vsix');
log('start', 'packaging the extension');
try {
  packageVsix(vsix);
} catch (error) {
  console.error(`kpr start: ${error.message}`);
  process.exit(1);
}
// The sample is an archive copy saved as .txt: tell VS Code it is a patch mail, as a reviewer
// would with "Review This File as a Patch", so kpr activates on it.
const state = makeState('start', { 'files.associations': { '**/samples/*.txt': 'kernel-patch' } });
installExtension(state, vsix);
const wanted = Number(process.env.PORT || 8080);
const port = (await portIsFree(wanted)) ? wanted : await freePort();
const folder = join(projectRoot, 'samples');
const server = await startCodeServer(state, { folder, port, logFile: join(state.dir, 'server.log') });
const url = workbenchUrl(server.base, folder, [['openFile', remoteUri(server.base, SAMPLE)]]);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log('start', `${signal}: stopping code-server`);
  await server.stop();
  state.remove();
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

console.log('');
console.log('Kernel Patch Review is running in VS Code 1.96.4 (code-server).');
console.log(`Open: ${url}`);
console.log(`(the workbench alone: ${server.base}/?folder=${encodeURIComponent(folder)})`);
console.log('Press Ctrl+C to stop.');
// Keep the process alive until a signal arrives.
setInterval(() => {}, 1 << 30);
