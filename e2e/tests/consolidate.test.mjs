// Several kept conventions taken together (Scénarios › Consolider des
// conventions): the Vienne 2024 annex and the Creuse 2023 report kept in this
// browser, both ticked, their totals per funder, each one's part and each
// one's co-financing rule read on the page. Every expected figure is worked
// by hand below from the fixtures' amounts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { eur, fixture, open, pasteVienne, rowCells, start } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The axe-core violations (WCAG 2.0/2.1 A and AA rules) in `scope`, as a11y.test.mjs runs it. */
async function axe(page, selector) {
  await page.evaluate(axeSource);
  return page.evaluate(async (s) => {
    const result = await window.axe.run(document.querySelector(s), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

const myList = (page) => page.getByRole('list', { name: 'Mes conventions' });

/** Renames the kept convention shown as `current` (a RegExp) to `name`. */
async function rename(page, current, name) {
  const item = myList(page).getByRole('listitem').filter({ hasText: current });
  await item.getByRole('button', { name: /^Renommer/ }).click();
  await page.getByLabel(/^Nouveau nom pour/).fill(name);
  await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await myList(page).getByRole('listitem').filter({ hasText: name }).waitFor();
}

test('two kept conventions consolidated: totals per funder, each one’s part and co-financing rule', async () => {
  const page = await open(env);
  await pasteVienne(page);
  await page.getByRole('tab', { name: 'Scénarios' }).click();
  await rename(page, /^Convention sans titre \(/, 'Vienne 2024');

  // A second convention: a new one, the Creuse 2023 report pasted into it.
  // Creuse, worked by hand from tests/fixtures/creuse-2023-execution.tsv:
  // État = report 2021 (24 600 + 16 233 + 50 000 + 3 000 + 10 000 + 10 715,50
  // = 114 548,50) + amendment 2022 (85 639 + 16 233 + 10 000 + 15 000 + 12 000
  // + 1 000 + 1 789 + 38 648 + 21 500 + 7 400 + 7 115,50 = 216 324,50)
  // = 330 873; Département = 131 633 + 199 240 = 330 873; total 661 746.
  await page.getByRole('button', { name: 'Nouvelle convention' }).click();
  await page.getByLabel(/Tableau à coller/).fill(fixture('creuse-2023-execution.tsv'));
  await page.getByRole('status').filter({ hasText: eur('661 746,00') }).waitFor();
  await page.getByRole('tab', { name: 'Scénarios' }).click();
  await rename(page, /^Convention sans titre \(/, 'Creuse 2023');

  const section = page.getByRole('region', { name: 'Consolider des conventions' });
  const pick = section.getByRole('group', { name: 'Conventions à consolider' });
  await pick.getByLabel('Vienne 2024', { exact: true }).check();
  // One ticked is not a consolidation yet.
  await section.getByText('Cochez au moins deux conventions').waitFor();
  await pick.getByLabel('Creuse 2023', { exact: true }).check();

  // Per funder. Vienne (tests/fixtures/vienne-2024-solidarites.tsv, its rows
  // added, not its declared totals): État 558 633, Département 681 524, other
  // funders 535 493, total 1 775 650 (helpers.mjs).
  // État: 558 633 + 330 873 = 889 506; Département: 681 524 + 330 873
  // = 1 012 397; total 1 775 650 + 661 746 = 2 437 396.
  // Shares: 889 506 / 2 437 396 = 0,364942… → 36,49 %;
  // 1 012 397 / 2 437 396 = 0,415360… → 41,54 %.
  const funders = section.getByRole('table', { name: 'Totaux consolidés par financeur' });
  await funders.waitFor();
  assert.deepEqual(await rowCells(funders, 'État'), [eur('889 506,00'), '36,49\u00a0%']);
  assert.deepEqual(await rowCells(funders, 'Département'), [eur('1 012 397,00'), '41,54\u00a0%']);
  assert.deepEqual(await rowCells(funders, 'Total'), [eur('2 437 396,00'), '100,00\u00a0%']);

  // Each convention's part: Vienne 1 775 650 / 2 437 396 = 0,728502… → 72,85 %;
  // Creuse 661 746 / 2 437 396 = 0,271497… → 27,15 %.
  const parts = section.getByRole('table', { name: 'Part de chaque convention' });
  const vienne = await rowCells(parts, 'Vienne 2024');
  assert.equal(vienne[0], eur('558 633,00'));
  assert.deepEqual(vienne.slice(-2), [eur('1 775 650,00'), '72,85\u00a0%']);
  const creuse = await rowCells(parts, 'Creuse 2023');
  assert.equal(creuse[0], eur('330 873,00'));
  assert.deepEqual(creuse.slice(-2), [eur('661 746,00'), '27,15\u00a0%']);

  // Co-financing (State at most 50 % of each action): Vienne's State share
  // 558 633 / 1 775 650 = 0,314607… → 31,46 %, every action within the rule;
  // Creuse 330 873 / 661 746 = 50,00 %, but actions 8 (State 38 648 of
  // 51 000) and 11 (State 17 831 of 31 158) above 50 %: 2 of its 11 actions.
  const rules = section.getByRole('table', { name: 'Règle de cofinancement de chaque convention' });
  assert.deepEqual(await rowCells(rules, 'Vienne 2024'), [
    '31,46\u00a0%',
    '50,00\u00a0%',
    'respectée pour chaque action',
  ]);
  assert.deepEqual(await rowCells(rules, 'Creuse 2023'), [
    '50,00\u00a0%',
    '50,00\u00a0%',
    'non respectée pour 2\u00a0actions sur 11',
  ]);
  // Tables with captions and headers, boxes with labels: axe finds nothing.
  assert.deepEqual(await axe(page, '.bw-consolidate'), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
