// The C front end: tree-sitter-c over the C text of a patch's hunks, with document positions.
export { loadCParser, type CParser, type SyntaxNode } from './parser';
export { FunctionText, type DocPoint, type LineOrigin, type TextLine } from './function-text';
