// The text of a report, as copied from its PDF and pasted whole: the Creuse
// 2023 execution report (tests/fixtures/creuse-2023-rapport-execution.txt).
// Its « Fiche action » blocks give the figures; the preview says the line and
// the words of every amount taken, and offers the amounts of sentences.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eur, fixture, funderTotal, grandTotal, open, start } from './helpers.mjs';

let env;

// Pasted at once, as Ctrl+V does: one input event. (Playwright's `fill`
// types a text of many lines as one input event per line: 1 355 readings.)
async function paste(page, text) {
  const area = page.getByLabel(/Tableau à coller/);
  await area.evaluate((a, t) => {
    a.value = t;
    a.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

// State, report + avenant of each block: 110 239 + 32 466 + 60 000 + 18 000 +
// 12 000 + 11 000 + 1 789 + 38 648 + 21 500 + 7 400 + 17 831 = 330 873.
// Département: 141 039 + 32 466 + 60 000 + 18 000 + 12 000 + 11 000 + 1 789 +
// 12 352 + 21 500 + 7 400 + 13 327 = 330 873. Total 661 746.
test('the Creuse report pasted whole gives the figures of its blocks, each with its line', async () => {
  const page = await open(env);
  await paste(page, fixture('creuse-2023-rapport-execution.txt'));
  assert.equal(await funderTotal(page, 'État'), eur('330 873,00'));
  assert.equal(await funderTotal(page, 'Département'), eur('330 873,00'));
  assert.equal(await grandTotal(page), eur('661 746,00'));

  const preview = page.getByRole('region', { name: 'Lecture du tableau' });
  const figures = preview.getByRole('table', { name: 'Montants pris, avec leur ligne et les mots lus' });
  // « Report Etat 2021 : 24 600 € », line 80, action 5.
  const row = figures.getByRole('row', { name: /^80 / });
  assert.match(await row.textContent(), /Report Etat 2021/);
  assert.match(await row.textContent(), /24 600 €/);
  const meaning = row.getByRole('combobox', { name: 'Sens du montant 24 600 € de la ligne 80' });
  assert.equal(await meaning.evaluate((s) => s.selectedOptions[0].textContent), 'Report N-1 — État');
  // Every one of the 76 amounts taken is listed with its line.
  assert.equal(await figures.locator('tbody tr').count(), 76);

  // Action 8: « Consommation totale : 51 000€ » for 38 468 + 12 352 = 50 820.
  // (Three checks: that slip, and the State's share over 50 % in actions 8
  // and 11: 38 648 of 51 000, 17 831 of 31 158.)
  await page.getByRole('tab', { name: 'Vérifications' }).click();
  const checks = page.getByRole('region', { name: /Vérifications/ });
  assert.equal(await checks.getByRole('heading').textContent(), 'Vérifications (3\u00a0incohérences)');
  const slip = checks.getByText(/Consommation totale/);
  assert.match(await slip.textContent(), new RegExp(`${eur('51 000,00')}.*${eur('50 820,00')}`));

  // The amounts of sentences are offered, not counted.
  const uncertain = preview.getByRole('note', { name: /Montants au sens incertain/ });
  assert.equal(await uncertain.getByRole('listitem').count(), 6);
  assert.match(await uncertain.textContent(), /3 110€/);
  assert.deepEqual(page.problems, []);
});

test('an uncertain amount is given a meaning, and a figure taken is left out, in one choice each', async () => {
  const page = await open(env);
  await paste(page, fixture('creuse-2023-rapport-execution.txt'));
  assert.equal(await funderTotal(page, 'État'), eur('330 873,00'));
  const preview = page.getByRole('region', { name: 'Lecture du tableau' });
  // « Le montant total engagé est de 3 110€ » (line 1341): committed by the State.
  await preview
    .getByRole('combobox', { name: 'Sens du montant 3 110€ de la ligne 1341' })
    .selectOption({ label: 'Engagé — État' });
  const uncertain = preview.getByRole('note', { name: /Montants au sens incertain/ });
  await uncertain.getByText('(5)', { exact: false }).waitFor();
  const figures = preview.getByRole('table', { name: 'Montants pris, avec leur ligne et les mots lus' });
  const chosen = figures.getByRole('row', { name: /^1341 / });
  assert.match(await chosen.textContent(), /sens choisi/);
  // « Report Etat 2021 : 24 600 € » left out: 330 873 − 24 600 = 306 273.
  await figures
    .getByRole('combobox', { name: 'Sens du montant 24 600 € de la ligne 80' })
    .selectOption({ label: 'Laisser de côté' });
  await page.waitForFunction(() => document.body.textContent.includes('306\u202f273,00'));
  assert.equal(await funderTotal(page, 'État'), eur('306 273,00'));
  assert.deepEqual(page.problems, []);
});
