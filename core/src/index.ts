/**
 * The core's declared API: the analysis without the file system. Adapters (cli/, server/,
 * client/, scripts/) import the core only from this module and the other entry points
 * (ARCHITECTURE.md, "Entry points"; test/src/architecture/layers.test.ts):
 *
 * - `core/out/index` (this module): parsing, analysis, config resolution, workspace rules,
 *   fix-all, the rule catalog, text decoding and line indexes, `Localized` messages. Pure: it
 *   loads no `node:fs` and not the kuromoji loader, so anything may import it.
 * - `core/out/node/index`: what needs Node — `.shiteirc.json` lookup, bounded file reads, the
 *   folder walk, the installation, and `loadTokenizer` (kuromoji and its dictionary).
 * - `core/out/service/index`: the editor features (hover, completion, outline, inlay hints,
 *   code actions) — only the server loads them.
 * - `core/out/ledger/index`, `core/out/report/index`, `core/out/documents/index`: the register,
 *   the yearly report and Word/Excel, which the CLI loads only for the commands that use them.
 *
 * The split follows load cost: every module here is one `shitei check` and the server load anyway.
 * The names are listed (no `export *`) so that the API is what this file says.
 */
export { localize, type Locale, type Localized, type Severity, type Span, type TextEdit } from './types';
export { analyzeSteps, analyzeText, compareDiagnostics, type AnalysisResult, type Diagnostic } from './analysis/analyze';
export { DEFAULT_MAX_DOCUMENT_CHARS, resolveConfig, type ResolvedConfig, type ShiteiConfigFile } from './analysis/config';
export { SheetModel } from './analysis/sheet';
export { parseSheet } from './syntax/parser';
export { decodeDocument, type DecodedEncoding } from './text/decode';
export { LineIndex, PositionCursor, type ColumnEncoding } from './text/lineIndex';
// Adapters' own loops over a text (the CLI's code-point columns) count their work like the core's (docs/regular-expressions.md).
export { countWork } from './text/workCounter';
export { escapeControlChars } from './text/controlChars';
export { TokenCache } from './nlp/tokenCache';
export type { Token, Tokenizer } from './nlp/tokenizer';
export { fixAllEdits, fixAllToFixpoint } from './service/actions';
export { ruleCatalog, type CatalogEntry } from './rules/catalog';
export { RULE_CATEGORIES } from './rules/types';
export { CrossFileIndex } from './workspace/crossFileIndex';
export type { WorkspaceEntry } from './workspace/types';
export { formatDate, parseIso, toIso } from './domain/dates';
