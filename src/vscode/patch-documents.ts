// Parses each patch document once per version and shares the result with every feature
// (outline, folding, diagnostics, hover, …): a position is computed once, by the parser.
import * as vscode from 'vscode';
import { parsePatchDocument } from '../patch/parse';
import type { Patch } from '../patch/model';
import { mapPatch, MappingIndex } from '../mapping';
import { loadCParser } from '../c';
import { programsFor, type PatchPrograms } from '../interp/programs';
import { PATCH_LANGUAGE_ID } from './ids';
import { readSettings } from './settings';

interface Entry {
  readonly version: number;
  readonly patch: Patch;
  /** Computed on first use: outline and folding never need it. */
  mapping?: MappingIndex;
  /** What each variant runs (the text as written), computed on first use. */
  programs?: Promise<PatchPrograms>;
}

export class PatchDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after a patch document was (re)parsed because it opened or changed. */
  readonly onDidParse = this.changed.event;

  constructor() {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.refresh(e.document)),
    );
  }

  static isPatchDocument(document: vscode.TextDocument): boolean {
    return document.languageId === PATCH_LANGUAGE_ID;
  }

  /** The parsed patch of the document's current version. */
  get(document: vscode.TextDocument): Patch {
    return this.entry(document).patch;
  }

  /** The mapping of the document's hunk lines onto the model's steps. */
  mapping(document: vscode.TextDocument): MappingIndex {
    const entry = this.entry(document);
    entry.mapping ??= new MappingIndex(mapPatch(entry.patch));
    return entry.mapping;
  }

  /** What each variant of the document's current version runs: its text as written (src/interp/programs.ts). */
  programs(document: vscode.TextDocument): Promise<PatchPrograms> {
    const entry = this.entry(document);
    const mapping = this.mapping(document).mapping;
    entry.programs ??= loadCParser().then((parser) => programsFor(entry.patch, parser, mapping));
    return entry.programs;
  }

  private entry(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const maxBytes = readSettings().maxFileSizeMB * 1024 * 1024;
    const entry: Entry = { version: document.version, patch: parsePatchDocument(document.getText(), { maxBytes }) };
    this.cache.set(key, entry);
    return entry;
  }

  /** Re-parses an open patch document and tells the listeners. */
  refresh(document: vscode.TextDocument): void {
    if (!PatchDocuments.isPatchDocument(document)) return;
    this.get(document);
    this.changed.fire(document);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.cache.clear();
  }
}
