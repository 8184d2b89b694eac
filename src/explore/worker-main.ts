// The exploration as a worker thread, so that running the patch over thousands of scenarios
// never blocks the editor: the extension host posts a patch document's text, the worker parses
// it, explores it and posts the report back. Plain data both ways (structured clone).
import { parentPort } from 'node:worker_threads';
import { parsePatchDocument } from '../patch/parse';
import { exploreAsWritten, type ExplorationReport, type ExploreOptions } from './explore';

export interface ExploreRequest {
  readonly id: number;
  readonly text: string;
  readonly maxBytes: number;
  readonly options: ExploreOptions;
}

export type ExploreResponse = { readonly id: number; readonly report: ExplorationReport } | { readonly id: number; readonly error: string };

parentPort?.on('message', async (request: ExploreRequest) => {
  let response: ExploreResponse;
  try {
    const patch = parsePatchDocument(request.text, { maxBytes: request.maxBytes });
    // The C parser's wasm files sit beside this bundle in dist/ (src/c/parser.ts).
    response = { id: request.id, report: await exploreAsWritten(patch, request.options) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
