/**
 * `shitei export FILE.shitei [--format docx] [--out FILE.docx] [--force] [--locale ja|en]`:
 * the sheet as an A4 Word document for the approval process (core/src/documents/docxWrite.ts).
 *
 * Without --out the document is written beside the sheet, with .docx for .shitei
 * (a.shitei → a.docx), as a drafter expects from "export"; a Word file is not something to
 * print on a terminal, so there is no stdout form. An existing file is never replaced unless
 * --force is given. Exit 0: written; 2: bad arguments, an unreadable or oversized sheet, or a
 * target that exists — and then nothing is written.
 */
import * as path from 'node:path';
import { parseSheet, decodeDocument } from '../../core/out/index';
import { sheetToDocument, sheetToDocx } from '../../core/out/documents/index';
import { LOCALES, localeOf } from './options';
import { displayPath } from './files';
import {
  FileProblem, MAX_SHEET_CHARS, UsageError, checkTarget, parseDocumentArgs, problemText, readInput, say, writeOutput, type DocumentIo,
} from './documentFiles';

export const EXPORT_USAGE = `Usage:
  shitei export FILE.shitei [--format docx] [--out FILE.docx] [--force] [--locale ja|en]
      Write the sheet as an A4 Word document (fields as a table, then the sections).
      Default --out: beside the sheet, .shitei replaced by .docx. An existing file is
      replaced only with --force. Exit 0: written; 2: the sheet cannot be read, or the
      target exists, or bad arguments (nothing is written).`;

export const EXPORT_FORMATS = ['docx'] as const;

/** a.shitei → a.docx; other names get .docx added. */
export function defaultExportPath(input: string): string {
  return input.toLowerCase().endsWith('.shitei') ? input.slice(0, -'.shitei'.length) + '.docx' : `${input}.docx`;
}

export async function runExportCommand(argv: readonly string[], io: DocumentIo): Promise<number> {
  let locale = localeOf(undefined, io.env);
  let args: ReturnType<typeof parseDocumentArgs>;
  try {
    args = parseDocumentArgs(argv, { format: { short: 'f', choices: EXPORT_FORMATS }, out: { short: 'o' }, locale: { choices: LOCALES } }, ['force']);
    locale = localeOf(args.values.locale as string | undefined, io.env);
    if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? 'no FILE given' : 'give one FILE');
    if (args.values.out === '-') throw new UsageError('a Word document is not written to stdout: give --out FILE.docx');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`shitei export: ${error.message}\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const input = path.resolve(io.cwd, args.positionals[0]);
  const shownInput = displayPath(input, io.cwd);
  const out = path.resolve(io.cwd, (args.values.out as string | undefined) ?? defaultExportPath(args.positionals[0]));
  const shownOut = displayPath(out, io.cwd);
  const force = args.values.force === true;
  try {
    if (out === input) throw new FileProblem(shownOut, { ja: '入力の指定書と同じファイルです', en: 'is the input sheet itself' });
    if (out.toLowerCase().endsWith('.shitei')) throw new FileProblem(shownOut, { ja: '.shitei ファイルには書き出しません(指定書を上書きしないため)', en: 'will not write to a .shitei file (it could overwrite a sheet)' });
    const decoded = decodeDocument(readInput(input, shownInput, MAX_SHEET_CHARS * 4 + 4));
    if (!decoded.ok) throw new FileProblem(shownInput, decoded.error);
    if (decoded.text.length > MAX_SHEET_CHARS) {
      throw new FileProblem(shownInput, { ja: `文書が大きすぎます(${decoded.text.length}文字、上限${MAX_SHEET_CHARS}文字)`, en: `the document is too large (${decoded.text.length} characters; the limit is ${MAX_SHEET_CHARS})` });
    }
    const document = sheetToDocument(parseSheet(decoded.text));
    if (document.fields.length === 0 && document.sections.length === 0) {
      throw new FileProblem(shownInput, { ja: '指定書として読み取れる項目も見出しもありません', en: 'no field or section of a designation sheet' });
    }
    checkTarget(out, shownOut, force);
    const bytes = await sheetToDocx(document);
    writeOutput(out, shownOut, bytes, force);
    const n = document.fields.length;
    const m = document.sections.length;
    io.stderr(say(locale, `shitei export: ${shownOut} に書き出しました(項目 ${n}、見出し ${m})\n`, `shitei export: wrote ${shownOut} (${n} field${n === 1 ? '' : 's'}, ${m} section${m === 1 ? '' : 's'})\n`));
    return 0;
  } catch (error) {
    if (error instanceof FileProblem) {
      io.stderr(`shitei export: ${problemText(error, locale)}\n`);
      return 2;
    }
    throw error;
  }
}
