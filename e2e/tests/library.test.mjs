// « Mes conventions » and the share link, end to end: several conventions kept
// across a reload, a convention carried by a link into a browser that has
// never seen it, and a broken link that changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  actionRow,
  eur,
  grandTotal,
  oneAction,
  open,
  pasteVienne,
  recordProblems,
  rowCells,
  start,
  totalsTable,
  VIENNE_TOTAL,
} from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The grand total, read in the Budget view (opened first). */
const budgetTotal = async (page) => {
  await page.getByRole('tab', { name: 'Budget' }).click();
  return grandTotal(page);
};

const scenarios = (page) => page.getByRole('tab', { name: 'Scénarios' }).click();
const myList = (page) => page.getByRole('list', { name: 'Mes conventions' });

test('a convention duplicated as a scenario is still in the list after a reload', async () => {
  const page = await open(env);
  await pasteVienne(page);
  await scenarios(page);
  // The table has no title: the entry is "Convention sans titre (date)".
  const original = myList(page).getByRole('listitem').filter({ hasText: /^Convention sans titre \(/ });
  await original.waitFor();
  assert.match(await original.textContent(), /\(ouverte\)/);
  await original.getByRole('button', { name: /^Dupliquer en scénario/ }).click();
  const copy = myList(page).getByRole('listitem').filter({ hasText: 'Convention sans titre — scénario 1' });
  await copy.waitFor();
  // The copy is the open one now.
  assert.match(await copy.textContent(), /\(ouverte\)/);
  assert.doesNotMatch(await original.textContent(), /\(ouverte\)/);

  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await scenarios(page);
  const items = myList(page).getByRole('listitem');
  await items.nth(1).waitFor();
  const names = await items.locator('strong').allTextContents();
  assert.equal(names.length, 2);
  assert.match(names[0], /^Convention sans titre \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)$/);
  assert.equal(names[1], 'Convention sans titre — scénario 1');
  // Both hold Vienne: the open copy, then the original once opened.
  assert.equal(await budgetTotal(page), VIENNE_TOTAL);
  await scenarios(page);
  await items.first().getByRole('button', { name: /^Ouvrir/ }).click();
  await items.first().filter({ hasText: '(ouverte)' }).waitFor();
  assert.equal(await budgetTotal(page), VIENNE_TOTAL);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a share link opened in another browser is offered, then added as a new convention', async () => {
  const page = await open(env);
  await pasteVienne(page);
  await scenarios(page);
  await page.getByRole('button', { name: 'Copier le lien de partage' }).click();
  const field = page.getByLabel('Lien de partage (lecture seule)');
  await field.waitFor();
  assert.equal(await field.getAttribute('readonly'), '');
  const link = await field.inputValue();
  assert.ok(link.startsWith(`${env.url.replace(/\/$/, '')}/`), link);
  assert.match(link, /#c=[A-Za-z0-9_-]+$/);
  // The data lives in the fragment only: the page asked for is the plain one.
  assert.equal(new URL(link).search, '');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // Someone else: a fresh browser profile, nothing kept.
  const context = await env.browser.newContext();
  const other = recordProblems(await context.newPage());
  await other.goto(link);
  const offer = other.getByRole('alert').filter({ hasText: 'Ce lien contient une convention partagée' });
  await offer.waitFor();
  // The fragment is taken out of the address at once.
  assert.equal(new URL(other.url()).hash, '');
  // Nothing is loaded before the user accepts.
  assert.equal(await totalsTable(other).count(), 0);
  await offer.getByRole('button', { name: 'Ouvrir comme nouvelle convention' }).click();
  await other.getByRole('status').filter({ hasText: VIENNE_TOTAL }).waitFor();
  assert.equal(await budgetTotal(other), VIENNE_TOTAL);
  await scenarios(other);
  // (The view comes with its chunk: wait for the list before counting.)
  await myList(other).getByRole('listitem').filter({ hasText: '(ouverte)' }).waitFor();
  assert.equal(await myList(other).getByRole('listitem').count(), 1);
  assert.deepEqual(other.problems, []);
  await context.close();
});

test('a share link with garbage after #c= is reported and the widget keeps working', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(`${env.url}#c=ceci-n_est!pas*un-lien`);
  const alert = page.getByRole('alert').filter({ hasText: 'Le lien de partage n’a pas pu être lu' });
  await alert.waitFor();
  // '!' is the 11th character of the data (c-e-c-i---n-_-e-s-t-!).
  assert.match(await alert.textContent(), /caractère « ! » inattendu en position 11 /);
  assert.match(await alert.textContent(), /Rien n’a été modifié/);
  assert.equal(new URL(page.url()).hash, '');
  // Valid base64url that is not compressed data: the same, with another reason.
  await page.goto(`${env.url}#c=AAAAAAAA`);
  await page.getByRole('alert').filter({ hasText: 'Le lien de partage n’a pas pu être lu' }).waitFor();
  // The widget works: 10 + 20 = 30.
  await page.getByLabel(/Tableau à coller/).fill(oneAction(10, 20));
  await page.getByRole('status').filter({ hasText: eur('30,00') }).waitFor();
  assert.equal(await budgetTotal(page), eur('30,00'));
  await alert.getByRole('button', { name: 'Fermer ce message' }).click();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Le lien de partage' }).count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a scenario changed from its original is compared side by side, differences marked', async () => {
  const page = await open(env);
  await pasteVienne(page);
  await scenarios(page);
  const original = myList(page).getByRole('listitem').filter({ hasText: /^Convention sans titre \(/ });
  await original.getByRole('button', { name: /^Dupliquer en scénario/ }).click();
  await myList(page).getByRole('listitem').filter({ hasText: 'scénario 1' }).filter({ hasText: '(ouverte)' }).waitFor();

  // In the scenario (the open copy), action 2's État amount: 50 000 → 60 000.
  await page.getByRole('tab', { name: 'Budget' }).click();
  await actionRow(page, '2').getByRole('cell').nth(1).click();
  await page.keyboard.type('60000');
  await page.keyboard.press('Enter');
  // 1 775 650 + 10 000 = 1 785 650.
  await page.getByRole('status').filter({ hasText: eur('1 785 650,00') }).waitFor();

  await scenarios(page);
  const originalName = (await original.locator('strong').textContent()).trim();
  await page.getByLabel('Version A').selectOption({ label: originalName });
  await page.getByLabel('Version B').selectOption({ label: 'Convention sans titre — scénario 1' });
  const grand = page.getByRole('table', { name: 'Total général par financeur' });
  await grand.waitFor();
  // État: 558 633 in A, 568 633 in B, ▲ +10 000; the Département is unchanged.
  assert.deepEqual(await rowCells(grand, 'État'), [eur('558 633,00'), eur('568 633,00'), `▲ +${eur('10 000,00')}`]);
  assert.equal((await rowCells(grand, 'Département')).at(-1), 'inchangé');
  assert.deepEqual((await rowCells(grand, 'Total')).slice(1), [eur('1 785 650,00'), `▲ +${eur('10 000,00')}`]);
  // Action 2's total, 100 000 → 110 000; the changed cells are marked, the others not.
  const byAction = page.getByRole('table', { name: 'Total de chaque action' });
  assert.deepEqual((await rowCells(byAction, '2')).slice(-3), [
    eur('100 000,00'),
    eur('110 000,00'),
    `▲ +${eur('10 000,00')}`,
  ]);
  assert.equal(await byAction.locator('.bw-changed').count(), 2);
  // Swapped, the difference is a fall.
  await page.getByLabel('Version A').selectOption({ label: 'Convention sans titre — scénario 1' });
  await page.getByLabel('Version B').selectOption({ label: originalName });
  assert.equal((await rowCells(grand, 'État')).at(-1), `▼ −${eur('10 000,00')}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
