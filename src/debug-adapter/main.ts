// The `kpr` debug adapter as a program speaking DAP on stdin/stdout (bundled to
// dist/debug-adapter.js). VS Code runs the adapter inline instead; this entry serves other DAP
// clients and the protocol tests.
import { diskFiles } from './files';
import { KprDebugSession } from './kpr-debug-session';

const session = new KprDebugSession(diskFiles);
process.on('SIGTERM', () => session.shutdown());
session.start(process.stdin, process.stdout);
