/**
 * Two findings of the fuzzer in documents with lone CRs, kept as regression tests: every fix and
 * disable action on them must keep the line endings (properties.ts, checkDocument).
 */
import { test } from 'node:test';
import { resolveConfig } from '../../../core/out/analysis/config';
import { checkDocument } from './properties';
import { TEST_CONFIG } from '../support/analysis';

const config = resolveConfig(TEST_CONFIG);

test('removing an empty duplicate heading after blank CR lines and before an LF makes no CRLF', () => {
  // Seed -1778643093: "【…】\r\r【…】\n\n" — removing the second heading with its CR left the first CR beside the LF.
  checkDocument('# \n#shitei-disable-next-line\r整理番号：防衛-2000-0000\r整理番号：防衛-2000-0000\n整理番号：防衛-2000-0000\n有効期間：5年\n満了日：1900年0月0日\r別表：第0号イ\r措置：表示\n備考：\n\n【指定を解除する条件】\r\r【指定を解除する条件】\n\n【対象情報の記述】', config, undefined, { disable: true });
});

test('disable-file in a lone-CR document that starts with an LF goes after that LF (no CRLF)', () => {
  checkDocument('\n\r整理番号：\r', config, undefined, { disable: true });
  checkDocument('\uFEFF\n\r整理番号：\r', config, undefined, { disable: true });
});
