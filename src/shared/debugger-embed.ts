// The panel's first state travels in its HTML: the host knows it when it builds the page, and a
// page that reads it there paints the run without waiting for a message round trip (ready, then
// state) after its script has loaded. Neither `vscode` nor the DOM is used here: the host, the
// webview, the bench and the tests share it.
import { isMessageToWebview, type ToWebview } from './debugger-protocol';

/**
 * The message as the text of a `<script type="application/json">`: every `<` escaped, so no
 * value (a line of C, a file name) can close the element or open a comment in it.
 */
export function embeddedMessageText(message: ToWebview | null): string {
  return message ? JSON.stringify(message).replace(/</g, '\\u003c') : '';
}

/** The message embedded in the page, or null when there is none or it is not a message the page takes. */
export function readEmbeddedMessage(text: string | null | undefined): ToWebview | null {
  if (!text || text.trim() === '') return null;
  try {
    const message: unknown = JSON.parse(text);
    return isMessageToWebview(message) ? message : null;
  } catch {
    return null;
  }
}
