/**
 * The dictionary load steps aside while an opened document waits for its first diagnostics
 * (server/src/firstDiagnosticsGate.ts): the gate it waits on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FirstDiagnosticsGate } from '../../../server/out/firstDiagnosticsGate';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return done;
};

test('clear when nothing is waiting', async () => {
  assert.equal(await settled(new FirstDiagnosticsGate().whenClear()), true);
});

test('held until every opened document has been answered', async () => {
  const gate = new FirstDiagnosticsGate();
  gate.opened('file:///a.shitei');
  gate.opened('file:///b.shitei');
  const clear = gate.whenClear();
  assert.equal(await settled(clear), false);
  gate.answered('file:///a.shitei');
  assert.equal(await settled(clear), false);
  gate.answered('file:///a.shitei'); // twice: still b
  assert.equal(await settled(clear), false);
  gate.answered('file:///b.shitei');
  assert.equal(await settled(clear), true);
  assert.equal(await settled(gate.whenClear()), true);
});

test('a document never answered holds the load for at most maxHoldMs', async () => {
  const gate = new FirstDiagnosticsGate(30);
  gate.opened('file:///background-tab.shitei');
  const clear = gate.whenClear();
  assert.equal(await settled(clear), false);
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(await settled(clear), true);
});
