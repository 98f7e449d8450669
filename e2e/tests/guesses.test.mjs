// Tables the reader has to guess about, as a user pastes them: an execution
// annex whose amounts name no funder, and the Vienne council report's table
// with its « TOTAL AXE » rows. The reading preview says what was guessed; one
// click reads it the other way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { actionsTable, eur, executionTable, fixture, funderTotal, open, rowCells, start, totalsTable } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

// tests/fixtures/execution-2019-mesures.tsv (CRLF, « -  € », « Sous-total - … »,
// « Montant total »): planned 120 000 + 45 000 + 80 000 + 30 500 + 12 250,40 =
// 287 750,40; executed 95 400,50 + 45 000 + 62 350,25 + 33 120 + 0 = 235 870,75
// (81,97 % → 82 %); remaining 51 879,65; carry-over asked 24 599,50 + 17 649,75 +
// 12 250,40 = 54 499,65; State revenue 60 000 + 40 000 = 100 000.
test('an annex that names no funder is read for its own amounts, and the guess is said', async () => {
  const page = await open(env);
  await page.getByLabel(/Tableau à coller/).fill(fixture('execution-2019-mesures.tsv'));

  const preview = page.getByRole('region', { name: 'Lecture du tableau' });
  const guesses = preview.getByRole('note', { name: 'Ce que la lecture a supposé' });
  await guesses.waitFor();
  assert.match(await guesses.textContent(), /Aucun en-tête ne nomme un financeur/);
  // Each column says how sure the reading is: D (« Montant inscrit… ») assumed,
  // A (« Mesure ») read from its heading.
  const columns = preview.getByRole('table', { name: 'Colonnes reconnues' });
  const column = async (letter) => (await rowCells(columns, letter))[1];
  assert.equal(await column('D'), 'supposée');
  assert.equal(await column('A'), 'lue dans l’en-tête');

  const totals = totalsTable(page);
  assert.deepEqual(await rowCells(totals, 'Total'), [eur('287 750,40'), 'non applicable']);
  assert.equal(await totals.getByRole('row', { name: /^État/ }).count(), 0, 'no State row invented');
  await page.getByText('Montants non répartis par financeur').waitFor();
  const received = page.getByRole('table', { name: 'Recettes reçues des financeurs' });
  assert.deepEqual(await rowCells(received, 'État'), [eur('100 000,00'), '—', '—']);

  await page.getByRole('tab', { name: 'Exécution' }).click();
  const execution = executionTable(page);
  await execution.waitFor();
  // Planned, executed (Montant), executed total, rate, remaining, to carry over,
  // received, service and comments; no unspent State credit column without a State.
  const grand = await rowCells(execution, 'Total général calculé');
  assert.deepEqual(grand, [
    eur('287 750,40'),
    eur('235 870,75'),
    eur('235 870,75'),
    '82\u00a0%',
    eur('51 879,65'),
    eur('54 499,65'),
    eur('100 000,00'),
    '',
  ]);
  const accueil = execution.getByRole('row').filter({ hasText: 'Accueil de jour des jeunes majeurs' });
  assert.equal((await accueil.getByRole('cell').allTextContents()).at(-1), 'DEF — Recrutement en mai');

  // The other reading, in one click: the convention column as the State's.
  await page.getByRole('tab', { name: 'Budget' }).click();
  await guesses.getByRole('button', { name: /Lire ces montants comme la part de l.État/ }).click();
  await totals.getByRole('row', { name: /^État/ }).waitFor();
  assert.deepEqual(await rowCells(totals, 'État'), [eur('287 750,40'), '100,00\u00a0%']);
  assert.doesNotMatch((await preview.textContent()) ?? '', /Aucun en-tête ne nomme un financeur/);
  assert.deepEqual(page.problems, []);
});

// The Vienne council report's table, copied from the report: its « TOTAL AXE n »
// rows close their axes (Axe 1: D 290 698 / É 238 205 …), the TOTAL says
// D 636 126 / É 578 633, and nothing is wrong in it.
test('the Vienne council table reads its axes from their total rows, with no false slip', async () => {
  const page = await open(env);
  await page.getByLabel(/Tableau à coller/).fill(fixture('vienne-2024-conseil-axes.tsv'));
  const guesses = page.getByRole('note', { name: 'Ce que la lecture a supposé' });
  await guesses.waitFor();
  assert.match(await guesses.textContent(), /« TOTAL AXE 1 Prévenir la pauvreté.*» \(ligne 6\)/);
  assert.equal(await funderTotal(page, 'État'), eur('578 633,00'));
  assert.equal(await funderTotal(page, 'Département'), eur('636 126,00'));
  assert.deepEqual((await rowCells(actionsTable(page), /Sous-total calculé — AXE 1/)).slice(0, 3), [
    eur('238 205,00'),
    eur('290 698,00'),
    eur('528 903,00'),
  ]);
  await page.getByRole('tab', { name: 'Vérifications' }).click();
  const checks = page.getByRole('region', { name: /Vérifications/ });
  await checks.getByText(/Aucune incohérence/).waitFor();
  assert.deepEqual(page.problems, []);
});

// The text of a report with no amount in euros (counts, not money) is no
// table and no report: said, and the table pasted before stays.
test('report text without euros pasted in place of a table is refused and the table before stays', async () => {
  const page = await open(env);
  const area = page.getByLabel(/Tableau à coller/);
  await area.fill(fixture('execution-2019-mesures.tsv'));
  const totals = totalsTable(page);
  await totals.waitFor();
  await area.fill("Bilan de l'action\n\nPersonnes accompagnées : 120\nDélai moyen : 45\n");
  const preview = page.getByRole('region', { name: 'Lecture du tableau' });
  const alert = preview.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Rien dans ce texte ne ressemble à un tableau d.actions/);
  assert.match(await alert.textContent(), /« Personnes accompagnées : 120 »/);
  assert.deepEqual(await rowCells(totals, 'Total'), [eur('287 750,40'), 'non applicable']);
  assert.deepEqual(page.problems, []);
});
