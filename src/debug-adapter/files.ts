// How the adapter reads the patch and scenario files it is given. Injected, so the extension can
// serve an open editor's unsaved text and the tests can serve fixtures; the stdio adapter reads
// the disk.
import { readFile } from 'node:fs/promises';

export interface AdapterFiles {
  /** The text of a file named by a launch attribute (a path, or a URI string for unsaved documents). */
  readText(path: string): Promise<string>;
}

export const diskFiles: AdapterFiles = {
  readText: (path) => readFile(path, 'utf8'),
};
