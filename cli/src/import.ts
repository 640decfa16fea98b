/**
 * `shitei import FILE.docx [--out FILE.shitei | --out -] [--force] [--locale ja|en]` and
 * `shitei import REGISTER.xlsx [--out-dir DIR] [--force] [--locale ja|en]`: documents agencies
 * already have, as sheets (core/src/documents/).
 *
 * A Word document becomes one sheet, written beside it with .shitei for .docx unless --out
 * says otherwise (`--out -` prints it). A register workbook becomes one sheet per row, in
 * --out-dir (default: a folder beside the workbook named after it), named after the row's
 * ファイル column or 整理番号. What matched no field or section is in each sheet's 【備考】 and
 * listed on stderr. Existing files are never replaced without --force. Exit 0: written;
 * 2: the input is not a readable .docx/.xlsx (damaged, password-protected, too large, no
 * recognizable labels), a target exists, or bad arguments — and then nothing is written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentError, ZipReader, readDocx, interpretBlocks, documentToShitei, readXlsx, importRegister } from '../../core/out/documents/index';
import { LOCALES, localeOf } from './options';
import { displayPath } from './files';
import {
  FileProblem, MAX_SHEET_CHARS, UsageError, checkTarget, parseDocumentArgs, problemText, readInput, say, writeOutput, type DocumentIo,
} from './documentFiles';

export const IMPORT_USAGE = `Usage:
  shitei import FILE.docx [--out FILE.shitei | --out -] [--force] [--locale ja|en]
      A Word 指定書 (a two-column table, or "label：value" and 【heading】 paragraphs) as a
      sheet. Default --out: beside it, .docx replaced by .shitei; "-" prints it.
  shitei import REGISTER.xlsx [--out-dir DIR] [--force] [--locale ja|en]
      One sheet per row of a register workbook (管理簿). Default --out-dir: a folder beside
      the workbook with its name.
      Labels that match nothing go into 【備考】 and are listed on stderr. Existing files are
      replaced only with --force. Exit 0: written; 2: the input cannot be read (not a
      .docx/.xlsx, damaged, password-protected, no recognizable labels), a target exists, or
      bad arguments (nothing is written).`;

type Kind = 'docx' | 'xlsx';

/** Which kind of document the bytes are: by their parts, not by the name. */
function kindOf(bytes: Uint8Array): Kind {
  const zip = new ZipReader(bytes);
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  if (zip.has('word/document.xml') || zip.names().some((n) => n.startsWith('word/'))) return 'docx';
  throw new DocumentError({ ja: 'Word(.docx)又は Excel(.xlsx)の文書ではありません', en: 'not a Word (.docx) or Excel (.xlsx) document' });
}

function withoutExtension(file: string): string {
  const ext = path.extname(file);
  return ext ? file.slice(0, -ext.length) : file;
}

/** A file name from a register cell: no folders, no characters file systems refuse. */
export function safeFileName(text: string): string {
  const base = text.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.shitei$/i, '').replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim().slice(0, 120);
}

function tooLarge(shown: string, n: number): FileProblem {
  return new FileProblem(shown, { ja: `取り込んだ指定書が大きすぎます(${n}文字、上限${MAX_SHEET_CHARS}文字)`, en: `the imported sheet is too large (${n} characters; the limit is ${MAX_SHEET_CHARS})` });
}

export async function runImportCommand(argv: readonly string[], io: DocumentIo): Promise<number> {
  let locale = localeOf(undefined, io.env);
  let args: ReturnType<typeof parseDocumentArgs>;
  try {
    args = parseDocumentArgs(argv, { out: { short: 'o' }, 'out-dir': {}, locale: { choices: LOCALES } }, ['force']);
    locale = localeOf(args.values.locale as string | undefined, io.env);
    if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? 'no FILE given' : 'give one FILE');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`shitei import: ${error.message}\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const input = path.resolve(io.cwd, args.positionals[0]);
  const shownInput = displayPath(input, io.cwd);
  const force = args.values.force === true;
  const fail = (p: FileProblem) => {
    io.stderr(`shitei import: ${problemText(p, locale)}\n`);
    return 2;
  };
  try {
    const bytes = readInput(input, shownInput);
    let kind: Kind;
    try {
      kind = kindOf(bytes);
    } catch (error) {
      if (error instanceof DocumentError) throw new FileProblem(shownInput, error.reason);
      throw error;
    }
    if (kind === 'docx') {
      if (args.values['out-dir'] !== undefined) {
        io.stderr(`shitei import: --out-dir is for a register workbook (.xlsx); a Word document takes --out FILE.shitei\n${IMPORT_USAGE}\n`);
        return 2;
      }
      return importWord(bytes, input, shownInput, args.values.out as string | undefined, force, locale, io);
    }
    if (args.values.out !== undefined) {
      io.stderr(`shitei import: --out is for a Word document; a register workbook gives one sheet per row: use --out-dir DIR\n${IMPORT_USAGE}\n`);
      return 2;
    }
    return importWorkbook(bytes, input, shownInput, args.values['out-dir'] as string | undefined, force, locale, io);
  } catch (error) {
    if (error instanceof FileProblem) return fail(error);
    if (error instanceof DocumentError) return fail(new FileProblem(shownInput, error.reason));
    throw error;
  }
}

function importWord(bytes: Uint8Array, input: string, shownInput: string, outOption: string | undefined, force: boolean, locale: 'ja' | 'en', io: DocumentIo): number {
  const content = readDocx(bytes);
  const result = interpretBlocks(content.blocks, content.exportedByShitei);
  if (result.recognized === 0) {
    throw new FileProblem(shownInput, { ja: '指定書の項目名や見出しとして読み取れるものがありません(整理番号、指定年月日、【対象情報の記述】など)', en: 'no recognizable label of a designation sheet (整理番号, 指定年月日, 【対象情報の記述】 …)' });
  }
  const name = path.basename(input);
  const text = documentToShitei(result.document, [say(locale, `${name} から取り込み(shitei import)`, `imported from ${name} (shitei import)`)]);
  if (text.length > MAX_SHEET_CHARS) throw tooLarge(shownInput, text.length);
  const toStdout = outOption === '-';
  const out = toStdout ? '' : path.resolve(io.cwd, outOption ?? `${withoutExtension(input)}.shitei`);
  const shownOut = toStdout ? 'stdout' : displayPath(out, io.cwd);
  if (!toStdout) {
    if (out === input) throw new FileProblem(shownOut, { ja: '入力の文書と同じファイルです', en: 'is the input document itself' });
    checkTarget(out, shownOut, force);
  }
  if (result.unmatched.length) {
    io.stderr(
      say(
        locale,
        `shitei import: ${shownInput}: 項目名・見出しに当たらないため【備考】に入れたもの ${result.unmatched.length} 件: ${result.unmatched.map((u) => `「${u.slice(0, 40)}」`).join('、')}\n`,
        `shitei import: ${shownInput}: ${result.unmatched.length} item${result.unmatched.length === 1 ? '' : 's'} matched no field or section and went into 【備考】: ${result.unmatched.map((u) => `"${u.slice(0, 40)}"`).join(', ')}\n`,
      ),
    );
  }
  if (toStdout) io.stdout(text);
  else {
    writeOutput(out, shownOut, text, force);
    const n = result.document.fields.length;
    io.stderr(say(locale, `shitei import: ${shownOut} に書き出しました(項目 ${n})。shitei check で検査できます\n`, `shitei import: wrote ${shownOut} (${n} field${n === 1 ? '' : 's'}); run shitei check on it\n`));
  }
  return 0;
}

function importWorkbook(bytes: Uint8Array, input: string, shownInput: string, outDirOption: string | undefined, force: boolean, locale: 'ja' | 'en', io: DocumentIo): number {
  const register = importRegister(readXlsx(bytes));
  if (!register) {
    throw new FileProblem(shownInput, { ja: '管理簿の見出し行(整理番号、指定年月日などの列名)が見つかりません', en: 'no header row of a register (columns such as 整理番号, 指定年月日)' });
  }
  if (register.entries.length === 0) throw new FileProblem(shownInput, { ja: '管理簿に指定の行がありません', en: 'the register has no designation rows' });
  const outDir = path.resolve(io.cwd, outDirOption ?? withoutExtension(input));
  const shownDir = displayPath(outDir, io.cwd);
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) throw new FileProblem(shownDir, { ja: 'フォルダではありません', en: 'is not a folder' });
  const name = path.basename(input);
  const used = new Set<string>();
  const planned: { file: string; shown: string; text: string }[] = [];
  for (const entry of register.entries) {
    const serial = entry.document.fields.find((f) => f.label === '整理番号')?.value ?? '';
    let base = safeFileName(entry.suggestedFile ?? '') || safeFileName(serial) || `row-${entry.row}`;
    if (used.has(base.toLowerCase())) {
      let k = 2;
      while (used.has(`${base}-${k}`.toLowerCase())) k++;
      base = `${base}-${k}`;
    }
    used.add(base.toLowerCase());
    const file = path.join(outDir, `${base}.shitei`);
    const text = documentToShitei(entry.document, [say(locale, `${name}(${register.sheetName})の ${entry.row} 行目から取り込み(shitei import)`, `imported from ${name} (${register.sheetName}), row ${entry.row} (shitei import)`)]);
    if (text.length > MAX_SHEET_CHARS) throw tooLarge(`${shownInput} (row ${entry.row})`, text.length);
    planned.push({ file, shown: displayPath(file, io.cwd), text });
  }
  // Every target is checked before the first is written: an import stops whole or not at all.
  for (const p of planned) checkTarget(p.file, p.shown, force);
  if (register.unmatchedColumns.length) {
    io.stderr(
      say(
        locale,
        `shitei import: ${shownInput}: 項目名に当たらないため各指定書の【備考】に入れた列: ${register.unmatchedColumns.map((u) => `「${u}」`).join('、')}\n`,
        `shitei import: ${shownInput}: columns that matched no field or section went into each sheet's 【備考】: ${register.unmatchedColumns.map((u) => `"${u}"`).join(', ')}\n`,
      ),
    );
  }
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new FileProblem(shownDir, { ja: `フォルダを作成できません(${(error as NodeJS.ErrnoException).code})`, en: `cannot create the folder (${(error as NodeJS.ErrnoException).code})` });
  }
  for (const p of planned) writeOutput(p.file, p.shown, p.text, force);
  io.stderr(say(locale, `shitei import: ${shownDir}/ に ${planned.length} 件の指定書を書き出しました\n`, `shitei import: wrote ${planned.length} sheet${planned.length === 1 ? '' : 's'} to ${shownDir}/\n`));
  return 0;
}
