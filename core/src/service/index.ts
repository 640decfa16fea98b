/**
 * The core's editor-features entry point (see ../index.ts): the language service without a
 * protocol. Each takes a `SheetModel` and an offset and returns plain data; the server converts it
 * to LSP. Fix-all (./actions), which the CLI's --fix uses too, is exported from ../index.ts.
 */
export { hoverAt } from './hover';
export { completionsAt, type CompletionKind } from './completion';
export { documentSymbols, foldingRanges } from './outline';
export { inlayHints } from './inlayHints';
export { diagnosticsAsked, fixAllAction, quickFixActions, SHOW_RULE_DOCUMENTATION } from './codeActions';
