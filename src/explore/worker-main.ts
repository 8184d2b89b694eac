// The exploration as a worker thread, so that running the model over thousands of scenarios
// never blocks the editor: the extension host posts a patch document's text, the worker parses
// it, explores it and posts the report back. Plain data both ways (structured clone).
import { parentPort } from 'node:worker_threads';
import { parsePatchDocument } from '../patch/parse';
import { explorePatch, type ExplorationReport, type ExploreOptions } from './explore';

export interface ExploreRequest {
  readonly id: number;
  readonly text: string;
  readonly maxBytes: number;
  readonly options: ExploreOptions;
}

export type ExploreResponse = { readonly id: number; readonly report: ExplorationReport } | { readonly id: number; readonly error: string };

parentPort?.on('message', (request: ExploreRequest) => {
  let response: ExploreResponse;
  try {
    const patch = parsePatchDocument(request.text, { maxBytes: request.maxBytes });
    response = { id: request.id, report: explorePatch(patch, request.options) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
