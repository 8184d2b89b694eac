// The bundled samples as a read-only file system (kpr-sample:/<name>): "Open Sample Patch" shows
// the shipped mail without letting a stray key, or auto-save, overwrite the extension's own file.
// The document is a real file-system document, so the patch providers, the alloc_pid panel and
// the native debugger (which reads it through workspace.fs) work on it as on any patch.
import * as vscode from 'vscode';

export const SAMPLE_SCHEME = 'kpr-sample';

export class ReadOnlySampleFileSystem implements vscode.FileSystemProvider {
  private readonly never = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.never.event;

  /** `root`: the folder the samples are served from (the extension's samples/). */
  constructor(private readonly root: vscode.Uri) {}

  private source(uri: vscode.Uri): vscode.Uri {
    const name = uri.path.replace(/^\/+/, '');
    // One level, no climbing out of samples/.
    if (name === '' || name.includes('/') || name === '..' || name === '.') throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.Uri.joinPath(this.root, name);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/' || uri.path === '') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const stat = await vscode.workspace.fs.stat(this.source(uri));
    return { ...stat, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.source(uri));
  }

  async readDirectory(): Promise<[string, vscode.FileType][]> {
    const entries = await vscode.workspace.fs.readDirectory(this.root);
    return entries.filter(([, type]) => type === vscode.FileType.File);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  private refuse(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(`${uri.path.replace(/^\//, '')} is kpr's bundled sample and is read-only`);
  }

  writeFile(uri: vscode.Uri): void {
    this.refuse(uri);
  }

  createDirectory(uri: vscode.Uri): void {
    this.refuse(uri);
  }

  delete(uri: vscode.Uri): void {
    this.refuse(uri);
  }

  rename(uri: vscode.Uri): void {
    this.refuse(uri);
  }

  dispose(): void {
    this.never.dispose();
  }
}

export function registerSampleFileSystem(context: vscode.ExtensionContext): void {
  const provider = new ReadOnlySampleFileSystem(vscode.Uri.joinPath(context.extensionUri, 'samples'));
  context.subscriptions.push(provider, vscode.workspace.registerFileSystemProvider(SAMPLE_SCHEME, provider, { isCaseSensitive: true, isReadonly: true }));
}
