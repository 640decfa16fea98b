/**
 * The workspace rules through `shitei check`: k drafts sharing a placeholder 整理番号 give output
 * that grows linearly in k (each message names three others and counts the rest), and the new
 * v1.1 rules report in the CLI as in the editor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { sheet } from '../support/sheet';

function drafts(k: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shitei-drafts-${k}-`));
  fs.writeFileSync(path.join(dir, '.shiteirc.json'), JSON.stringify({ today: '2026-11-23' }));
  for (let i = 0; i < k; i++) {
    fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(4, '0')}.shitei`), sheet({
      fields: { 整理番号: '防衛-XXXX-XXXX' },
      sections: { 対象情報の記述: `令和8年度に実施する演習の計画その${i}`, 概要: `演習計画その${i}` },
    }));
  }
  return dir;
}

test('k drafts sharing one 整理番号: the JSON output grows linearly in k', () => {
  const size = (k: number) => {
    const dir = drafts(k);
    try {
      const r = runCli(['check', '--format', 'json', dir]);
      const report = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
      const serial = report.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'serial-duplicate'));
      assert.equal(serial.length, k);
      assert.match(serial[k - 1].message, new RegExp(`ほか${k - 4}件`));
      return Buffer.byteLength(r.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const small = size(50);
  const large = size(200);
  assert.ok(large <= small * 4 * 1.15, `output ${small} → ${large} bytes for 4× the drafts`);
});
