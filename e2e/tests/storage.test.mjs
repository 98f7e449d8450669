// Keeping the work: reload, another tab, storage full.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eur, grandTotal, oneAction, open, pasteVienne, savedWith, start, totalsTable } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('after a reload the convention is still there', async () => {
  const page = await open(env);
  // 558 633 + 681 524 + 535 493 = 1 775 650 (see first-slice.test.mjs).
  await pasteVienne(page);
  await page.reload();
  assert.equal(await grandTotal(page), eur('1 775 650,00'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a change in another tab is never overwritten silently', async () => {
  const first = await open(env);
  await first.getByLabel(/Tableau à coller/).fill(oneAction(100, 100));
  await first.getByRole('status').filter({ hasText: eur('200,00') }).waitFor();
  await savedWith(first, '"100"');
  const second = await first.context().newPage();
  await second.goto(env.url);
  await totalsTable(second).waitFor();
  await second.getByLabel(/Tableau à coller/).fill(oneAction(300, 300));
  await second.getByRole('status').filter({ hasText: eur('600,00') }).waitFor();
  // The first tab is told, and keeps its own figures until the user chooses.
  const banner = first.getByRole('alert').filter({ hasText: /modifiée dans un autre onglet/ });
  await banner.waitFor();
  assert.equal(await grandTotal(first), eur('200,00'));
  await banner.getByRole('button', { name: /Charger la version de l’autre onglet/ }).click();
  await first.getByRole('status').filter({ hasText: eur('600,00') }).waitFor();
  assert.deepEqual(first.problems, []);
  await first.context().close();
});

test('when the storage is full the user is told and keeps working', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'budget-widget:convention') throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.getByLabel(/Tableau à coller/).fill(oneAction(10, 20));
  await page.getByRole('alert').filter({ hasText: /stockage du navigateur est plein/ }).waitFor();
  // 10 + 20 = 30: the figures are still computed.
  assert.equal(await grandTotal(page), eur('30,00'));
  await context.close();
});

test('a convention of 10 000 actions is kept: both copies fit in the storage', async () => {
  const page = await open(env);
  const rows = ['N°\tIntitulé\tEtat\tCD'];
  for (let i = 1; i <= 10000; i++) rows.push(`${i}\tAction ${i}\t100\t50`);
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${rows.join('\n')}\n`);
  // 10 000 × (100 + 50) = 1 500 000.
  await page.getByRole('status').filter({ hasText: eur('1 500 000,00') }).waitFor();
  // Once the user pauses: the working copy and the copy of « Mes conventions »
  // (a browser keeps about 5 million characters per site).
  await page.waitForFunction(() => {
    const keys = Object.keys(localStorage);
    const copies = ['budget-widget:convention', ...keys.filter((k) => k.startsWith('budget-widget:c:'))];
    return copies.length === 2 && copies.every((k) => (localStorage.getItem(k) ?? '').includes('"Action 10000"'));
  });
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.reload();
  await page.getByRole('status').filter({ hasText: eur('1 500 000,00') }).waitFor();
  assert.equal(await grandTotal(page), eur('1 500 000,00'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
