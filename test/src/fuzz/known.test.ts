/**
 * Bugs the fuzzer found, each kept as a regression test: its reproduction must pass every
 * property strictly (no known-issue list). A bug found and not yet fixed goes into known.ts
 * with an example here; the loop below then reports it as TODO until it is fixed.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveConfig } from '../../../core/out/analysis/config';
import type { TokenCache } from '../../../core/out/nlp/tokenCache';
import { tokenCache, TEST_CONFIG } from '../support/analysis';
import { sheet } from '../support/sheet';
import { checkDocument } from './properties';
import { KNOWN_ISSUES, knownHits, strictly } from './known';

const config = resolveConfig(TEST_CONFIG);
let tokens: TokenCache;
before(async () => {
  tokens = await tokenCache();
});

const base = sheet();

/** Found by the fuzzer and fixed: tokenizer, field-duplicate, period-unscoped, agency-unknown,
 * field-unknown, heading-unclosed, section-unknown, line removal after a lone CR. */
const FIXED: Record<string, string> = {

  'tokenizer-nul': sheet({ sections: { 対象情報の記述: '令和8年度の演習の計画\0(下書き)' } }),
  'field-duplicate-removes-the-value': sheet({ fields: { 有効期間: '' }, extraHeader: ['有効期間：2年'] }),
  'period-unscoped-fix-insufficient': sheet({ sections: { 対象情報の記述: '第2号ロ' } }),
  'agency-unknown-suggests-excluded': sheet({ fields: { 行政機関: ':文部科学省' } }),
  'fix-completes-the-expiry-chain': sheet({ fields: { 有効期間: null, 満了日: '令和8年4月1日' }, extraHeader: ['延長：5年1か月'] }),
  'field-unknown-renames-onto-a-duplicate': sheet({ extraHeader: ['理番号：防衛-2026-0013'] }),
  'heading-unclosed-nested': base.replace('【概要】', '【概要【'),
  'section-unknown-renames-onto-existing': base.replace('【対象情報の記述】', '【対象情報の記述5年\n\n【対象情報の記述】'),
  'line-removal-after-lone-cr': base.replace('運用第1課長\n', '運用第1課長\r整理番号：防衛-2026-0099\n'),
};

for (const [id, text] of Object.entries(FIXED)) {
  test(`fixed fuzz finding ${id} stays fixed`, () => {
    strictly(() => checkDocument(text, config, tokens, { services: false, disable: false }));
  });
}

const EXAMPLES: Record<string, string> = {};


for (const issue of KNOWN_ISSUES) {
  test(`known issue ${issue.id} (${issue.where})`, (t) => {
    const text = EXAMPLES[issue.id];
    assert.ok(text, `no example for ${issue.id}`);
    let failure: Error | undefined;
    try {
      strictly(() => checkDocument(text, config, tokens, { services: false, disable: false }));
    } catch (error) {
      failure = error as Error;
    }
    if (!failure) {
      t.diagnostic(`${issue.id} no longer reproduces: fixed? Then delete its entry in known.ts and this example.`);
      return;
    }
    // Still there: the entry must cover it, so the fuzzer goes on past it.
    const hits = knownHits.get(issue.id) ?? 0;
    checkDocument(text, config, tokens, { services: false, disable: false });
    assert.ok((knownHits.get(issue.id) ?? 0) > hits, `the entry for ${issue.id} does not cover its own example:\n${failure.message}`);
    t.todo(`${issue.summary} — ${failure.message.split('\n')[0]}`);
  });
}
