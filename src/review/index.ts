// The review layer's public face: composing the reply mail, trimming quotes, trailers,
// identity, series grouping, review states and git apply results. No vscode import.
export { composeReply, mailIndexAt, replyFileName, replySubject, type ComposeInput, type ComposedReply } from './compose';
export { trimQuote, repairedLine, CUT_MARK, type ReviewComment, type TrimOptions, type TrimmedQuote } from './quote';
export { resolveIdentity, isComplete, type Identity } from './identity';
export { REVIEW_TRAILER_KINDS, trailerKindsFrom, formatTrailer, replyTrailers, type ReviewTrailerKind, type GivenTrailer } from './trailers';
export { applyablePatch, type ApplyablePatch } from './patch-text';
