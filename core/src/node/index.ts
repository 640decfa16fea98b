/**
 * The core's Node entry point (see ../index.ts): the parts that touch the file system — the
 * `.shiteirc.json` lookup, bounded reads of sheets, the folder walk, the installation (version,
 * rule pages) — and `loadTokenizer`, which loads kuromoji and its dictionary from disk.
 * Adapters import these from here, never from the modules themselves.
 */
export { ConfigError, ConfigLoader, findConfigFile, readConfigFile } from './configFile';
export { fileUrlOf, fsPathOfFileUrl, matchablePath, maxSheetBytes, pathKey, pathOfMatchable, pathText, readRegularFile, readRegularFileAsync, type FsPath, type ReadResult } from './readFile';
export { readSheetFile, sheetFromBytes, type SheetFileResult } from './sheetFile';
export { SHEET_EXTENSION, walkSheetEntries, walkSheets, type SkippedEntry } from './walk';
export { ruleDocsUrl, toolVersion } from './installation';
export { loadTokenizer } from '../nlp/tokenizer';
