// First slice, end to end: paste a real annex, read the totals on the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { actionsTable, eur, expectVienneFunderTotals, fixture, funderTotal, grandTotal, open, rowCells, start } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

// Vienne 2024 annex (tests/fixtures/vienne-2024-solidarites.tsv), worked by hand
// from its action rows — the "Sous total" and "TOTAL FINANCIER" rows are not added:
//   State (A):      axe 1 93 507 + 50 000 + 69 698 + 25 000 = 238 205
//                   axe 2 110 000 + 50 000 + 10 000 + 35 000 + 25 000 = 230 000
//                   axe 3 20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428
//                   total 238 205 + 230 000 + 90 428 = 558 633
//   Département (B): 146 000 + 50 000 + 135 096 + 25 000 = 356 096
//                   110 000 + 50 000 + 15 000 + 35 000 + 25 000 = 235 000
//                   20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428
//                   total 681 524
//   Others (C):     535 493 (action 1 only)
//   Total:          558 633 + 681 524 + 535 493 = 1 775 650
// (The document's own TOTAL FINANCIER says 1 815 650: an action of 20 000 € each
// side is missing from axe 3.)
export async function expectVienneTotals(page) {
  // État, Département and the grand total, as everywhere; then the others.
  await expectVienneFunderTotals(page);
  assert.equal(await funderTotal(page, 'Autres financeurs'), eur('535 493,00'));

  const actions = actionsTable(page);
  // Action 1: 93 507 + 146 000 + 535 493 = 775 000; the State's share is
  // 93 507 / 775 000 = 12,07 %, within the 50 % rule.
  assert.deepEqual(await rowCells(actions, '1'), [
    'Crèche familiale préventive',
    eur('93 507,00'),
    eur('146 000,00'),
    eur('535 493,00'),
    eur('775 000,00'),
    '12,07\u00a0%',
    'respecté',
  ]);
  // Axe 3 computed subtotal: 90 428 + 90 428 + 0 = 180 856 (the document declares 220 856).
  // Cells: État, Département, autres, total, then the (empty) State share and
  // co-financing columns.
  const cells = await rowCells(actions, /Sous-total calculé — Axe Construire une transition/);
  assert.deepEqual(cells, [eur('90 428,00'), eur('90 428,00'), eur('0,00'), eur('180 856,00'), '', '']);
  // 14 action rows (axe 1: 1–4, axe 2: 5–9, axe 3: 10, 9, 11, 12, 13) + 3 group headings + 3 subtotals + header + grand total.
  assert.equal(await actions.getByRole('row').count(), 14 + 3 + 3 + 1 + 1);
  await page.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();
  assert.equal(await page.getByRole('status').textContent(), `Total général calculé : ${eur('1 775 650,00')} (14\u00a0actions)`);

  // The document's slips, worked by hand: axe 3 declares A 110 428 / B 110 428 /
  // F 220 856 for rows adding up to 90 428 / 90 428 / 180 856; TOTAL FINANCIER
  // repeats them (578 633 vs 558 633, 701 524 vs 681 524, 1 815 650 vs 1 775 650);
  // and action number 9 appears in two axes. 3 + 3 + 1 = 7 inconsistencies.
  await page.getByRole('tab', { name: 'Vérifications' }).click();
  const checks = page.getByRole('region', { name: /Vérifications/ });
  assert.equal(await checks.getByRole('heading').textContent(), 'Vérifications (7\u00a0incohérences)');
  const items = await checks.getByRole('listitem').allTextContents();
  assert.equal(items.length, 7);
  assert.ok(items.some((i) => i.includes(eur('220 856,00')) && i.includes(eur('180 856,00')) && i.includes(eur('40 000,00'))), items.join('\n'));
  assert.ok(items.some((i) => i.includes(eur('578 633,00')) && i.includes(eur('558 633,00'))), items.join('\n'));
}

test('the widget mounts with no console error', async () => {
  const page = await open(env);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Calculateur budgétaire de convention');
  await page.getByLabel(/Tableau à coller/).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('pasting the Vienne 2024 annex into the labelled area shows its totals', async () => {
  const page = await open(env);
  await page.getByLabel(/Tableau à coller/).fill(fixture('vienne-2024-solidarites.tsv'));
  await expectVienneTotals(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Ctrl+V anywhere outside a field imports the clipboard', async () => {
  const page = await open(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.evaluate((text) => navigator.clipboard.writeText(text), fixture('vienne-2024-solidarites.tsv'));
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+V');
  await expectVienneTotals(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an unreadable amount is shown at its row and column, the rest is computed', async () => {
  const page = await open(env);
  const table = 'Fiche action n°\tIntitulé\tPart Etat\tPart CD\n1\tMaraudes\t50 000\t50 000\n2\tRéfugiés\t3 OOO\t18 000\n';
  await page.getByLabel(/Tableau à coller/).fill(table);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const message = await alert.textContent();
  assert.match(message, /Ligne 3/);
  assert.match(message, /« Part Etat »/);
  assert.match(message, /« 3 OOO »/);
  // État: 50 000 only (the unreadable 3 OOO is not counted, never as zero silently);
  // Département: 50 000 + 18 000 = 68 000; total 118 000.
  assert.equal(await funderTotal(page, 'État'), eur('50 000,00'));
  assert.equal(await funderTotal(page, 'Département'), eur('68 000,00'));
  assert.equal(await grandTotal(page), eur('118 000,00'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
