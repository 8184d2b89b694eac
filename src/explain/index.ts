// The explanations layer: a knowledge base of kernel identifiers and plain-words explanations
// of patch lines, rendered as escaped Markdown. Pure TypeScript, no editor dependency.
export { explainLine, MAX_LINE_CHARS } from './explain-line';
export type { ExplainedIdentifier, LineContext, LineExplanation } from './explain-line';
export { enclosingFunction, enclosingFunctions, functionOfSection } from './enclosing-function';
export { codeBlock, commandLink, escapeMarkdown, inlineCode, renderEntryMarkdown, renderExplanationMarkdown } from './markdown';
export type { ExplanationMarkdownOptions } from './markdown';
export { entriesNamed, knowledgeBase, lookupIdentifier } from './knowledge';
export type { EntryKind, IdentifierRole, KnowledgeEntry, LookupContext } from './knowledge';
