// A payment schedule built in the Tranches view, its instalments read to the cent.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eur, open, pasteVienne, start } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('a 60/40 schedule of action 1 of Vienne 2024 is split to the cent', async () => {
  const page = await open(env);
  await pasteVienne(page, { confirm: true });
  await page.getByRole('tab', { name: 'Tranches' }).click();
  await page.getByLabel('Nom de l’échéancier').fill('Crèche, part État');
  // Choosing action 1 sets the commitment to its State amount, 93 507 €.
  await page.getByLabel('Action financée').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Ajouter l’échéancier' }).click();
  await page.getByRole('button', { name: '60 % puis 40 %' }).click();
  const table = page.getByRole('table', { name: /Tranches calculées au centime — Crèche, part État/ });
  await table.waitFor();
  const rows = await table.getByRole('row').allTextContents();
  // 60 % of 93 507 = 56 104,20; the balance 93 507 − 56 104,20 = 37 402,80.
  assert.ok(rows.some((r) => r.includes(eur('56 104,20'))), rows.join('\n'));
  assert.ok(rows.some((r) => r.includes(eur('37 402,80'))), rows.join('\n'));
  assert.ok(rows.some((r) => r.includes(eur('93 507,00'))), rows.join('\n'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
