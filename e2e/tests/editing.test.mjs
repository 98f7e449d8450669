// Editing the table in place, undo / redo, settings and the checks' links to
// their rows, in the release build.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { actionRow, actionsTable, eur, funderTotal, grandTotal, open, pasteVienne, rowCells, start } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('a cell edited with the keyboard changes the totals; undo and redo', async () => {
  const page = await open(env);
  await pasteVienne(page, { confirm: true });
  // Action 2, État: 50 000 → =534,82*12 = 6 417,84.
  await actionRow(page, '2').getByRole('cell').nth(1).click();
  await page.keyboard.press('Enter');
  const editor = page.getByLabel(/Modifier la cellule/);
  assert.equal(await editor.inputValue(), '50000');
  await editor.fill('=534,82*12');
  await page.keyboard.press('Enter');
  // État 558 633 − 50 000 + 6 417,84 = 515 050,84;
  // grand total 1 775 650 − 50 000 + 6 417,84 = 1 732 067,84.
  await page.getByRole('status').filter({ hasText: eur('1 732 067,84') }).waitFor();
  assert.equal(await grandTotal(page), eur('1 732 067,84'));
  assert.equal(await funderTotal(page, 'État'), eur('515 050,84'));
  const cell = actionRow(page, '2').getByRole('cell').nth(1);
  assert.equal(await cell.textContent(), eur('6 417,84'));
  assert.equal(await cell.getAttribute('title'), '=534,82*12');
  // Enter went down to action 3's État cell: typing replaces it (69 698 → 1 000,5).
  await page.keyboard.type('1000,5');
  await page.keyboard.press('Tab');
  // 1 732 067,84 − 69 698 + 1 000,50 = 1 663 370,34.
  await page.getByRole('status').filter({ hasText: eur('1 663 370,34') }).waitFor();
  // An unreadable amount changes nothing and says why; Escape gives up.
  await actionRow(page, '4').getByRole('cell').nth(1).click();
  await page.keyboard.type('12,5O');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: '12,5O' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await grandTotal(page), eur('1 663 370,34'));

  // Ctrl+Z twice: back to the pasted figures; Ctrl+Y and the Rétablir button redo.
  await page.keyboard.press('Control+Z');
  await page.getByRole('status').filter({ hasText: eur('1 732 067,84') }).waitFor();
  await page.keyboard.press('Control+Z');
  await page.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();
  await page.keyboard.press('Control+Y');
  await page.getByRole('status').filter({ hasText: eur('1 732 067,84') }).waitFor();
  await page.getByRole('button', { name: 'Rétablir' }).click();
  await page.getByRole('status').filter({ hasText: eur('1 663 370,34') }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Rétablir' }).isDisabled());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a block pasted on a cell fills the range; the paste can be undone', async () => {
  const page = await open(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await pasteVienne(page, { confirm: true });
  await page.evaluate(() => navigator.clipboard.writeText('100\t200\n300\t400\n'));
  await actionRow(page, '1').getByRole('cell').nth(1).click();
  await page.keyboard.press('Control+V');
  // Actions 1 and 2, État and Département: 93 507 / 146 000 and 50 000 / 50 000
  // become 100 / 200 and 300 / 400.
  // État 558 633 − 93 507 − 50 000 + 100 + 300 = 415 526;
  // Département 681 524 − 146 000 − 50 000 + 200 + 400 = 486 124;
  // total 415 526 + 486 124 + 535 493 = 1 437 143.
  await page.getByRole('status').filter({ hasText: eur('1 437 143,00') }).waitFor();
  assert.equal(await funderTotal(page, 'État'), eur('415 526,00'));
  assert.equal(await funderTotal(page, 'Département'), eur('486 124,00'));
  assert.deepEqual((await rowCells(actionsTable(page), '2')).slice(1, 3), [eur('300,00'), eur('400,00')]);
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await page.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();
  // Undoing the import itself empties the calculator again.
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await page.getByText('Aucun tableau pour l’instant').waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('actions and groups are added, moved and removed from the toolbar', async () => {
  const page = await open(env);
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  // A new empty convention: the title cell of the new action is being edited.
  await page.getByLabel(/Modifier la cellule/).fill('Maraudes');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1 500,25');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1 499,75');
  await page.keyboard.press('Enter');
  // 1 500,25 + 1 499,75 = 3 000.
  await page.getByRole('status').filter({ hasText: eur('3 000,00') }).waitFor();
  await page.getByLabel('Nom du nouveau groupe').fill('Axe mobilité');
  await page.getByRole('button', { name: 'Ajouter un groupe' }).click();
  await page.getByLabel(/Modifier la cellule/).fill('Garage solidaire');
  await page.keyboard.press('Tab');
  await page.keyboard.type('=2*500');
  await page.keyboard.press('Enter');
  // 3 000 + 1 000 = 4 000, and the group has its computed subtotal of 1 000.
  await page.getByRole('status').filter({ hasText: eur('4 000,00') }).waitFor();
  const actions = actionsTable(page);
  assert.equal((await rowCells(actions, /Sous-total calculé — Axe mobilité/))[2], eur('1 000,00'));
  // Remove the selected action (Garage solidaire): back to 3 000.
  await page.getByRole('button', { name: 'Supprimer l’action sélectionnée' }).click();
  await page.getByRole('status').filter({ hasText: eur('3 000,00') }).waitFor();
  assert.equal(await actions.getByText('Garage solidaire').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('settings change the co-financing rule; a check takes the user to its row', async () => {
  const page = await open(env);
  await pasteVienne(page, { confirm: true });
  // Action 1: State 93 507 of 775 000 = 12,07 %: within 50 %, but above 10 %.
  assert.equal((await rowCells(actionsTable(page), '1')).at(-1), 'respecté');
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await page.getByLabel('Titre de la convention').fill('Convention Vienne 2024');
  await page.getByLabel('Titre de la convention').press('Tab');
  const share = page.getByLabel(/Part maximale de l’État/);
  await share.fill('10');
  await share.press('Tab');
  await page.getByRole('tab', { name: 'Budget' }).click();
  // Excess over 10 %: 93 507 − 0,1 × 775 000 = 16 007.
  const verdict = (await rowCells(actionsTable(page), '1')).at(-1);
  assert.match(verdict, new RegExp(`dépassé.*${eur('16 007,00')}`));
  // A wrong share is refused with its reason, the rule stays at 10 %.
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await share.fill('150 %');
  await share.press('Tab');
  await page.getByRole('alert').filter({ hasText: '150 %' }).waitFor();

  // The duplicate action number 9 is a check with a link to its row.
  await page.getByRole('tab', { name: 'Vérifications' }).click();
  const checks = page.getByRole('region', { name: /Vérifications/ });
  const item = checks.getByRole('listitem').filter({ hasText: /9/ }).filter({ has: page.getByRole('button') }).first();
  await item.getByRole('button').click();
  assert.equal(await page.getByRole('tab', { name: 'Budget' }).getAttribute('aria-selected'), 'true');
  await page.waitForFunction(() => document.activeElement?.hasAttribute('data-cell'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('tabs are reachable with the arrow keys', async () => {
  const page = await open(env);
  await page.getByRole('tab', { name: 'Budget' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Exécution' }).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('End');
  assert.equal(await page.getByRole('tab', { name: 'Paramètres' }).getAttribute('aria-selected'), 'true');
  await page.getByLabel('Titre de la convention').waitFor();
  await page.context().close();
});

test('a long table is shown a page at a time; totals cover every action', async () => {
  const page = await open(env);
  // 450 actions: action i has État i € and Département 2 × i €.
  // Σ i for i = 1..450 = 450 × 451 / 2 = 101 475; total 3 × 101 475 = 304 425.
  const rows = ['N°\tIntitulé\tPart Etat\tPart CD'];
  for (let i = 1; i <= 450; i++) rows.push(`${i}\tAction ${i}\t${i}\t${2 * i}`);
  await page.getByLabel(/Tableau à coller/).fill(rows.join('\n'));
  await page.getByRole('button', { name: 'Valider la lecture' }).click();
  assert.equal(await grandTotal(page), eur('304 425,00'));
  const pager = page.getByRole('navigation', { name: 'Pages du tableau' });
  // 50 actions a page until the user chooses another size.
  assert.match(await pager.textContent(), /Actions 1 – 50 sur 450/);
  const actions = actionsTable(page);
  // 50 actions + the heading row + the "Sans groupe" row + the grand total.
  assert.equal(await actions.getByRole('row').count(), 53);
  // On page 3 (actions 101–150), 100 a page: the page that holds action 101.
  for (let i = 0; i < 2; i++) await pager.getByRole('button', { name: 'Page suivante' }).click();
  await pager.getByText(/Actions 101 – 150 sur 450/).waitFor();
  await pager.getByLabel('Actions par page').selectOption('100');
  await pager.getByText(/Actions 101 – 200 sur 450/).waitFor();
  // 100 actions + the heading row + the "Sans groupe" row + the grand total.
  assert.equal(await actions.getByRole('row').count(), 103);
  for (let i = 0; i < 3; i++) await pager.getByRole('button', { name: 'Page suivante' }).click();
  assert.match(await pager.textContent(), /Actions 401 – 450 sur 450/);
  assert.equal(await actions.getByRole('row').count(), 53);
  // The keyboard crosses pages: up from action 401 goes to action 400, on page 4.
  await actionRow(page, '401').getByRole('cell').nth(1).click();
  await page.keyboard.press('ArrowUp');
  await pager.getByText(/Actions 301 – 400/).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('tr')?.textContent.includes('Action 400'));
  // On paper the table is whole: 450 actions + 3 rows, no pager.
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(
    () => document.querySelector('table.bw-actions-table')?.querySelectorAll('tr').length === 453,
  );
  assert.equal(await page.locator('nav.bw-pager').count(), 0);
  await page.emulateMedia({ media: 'screen' });
  await pager.getByText(/Actions 301 – 400/).waitFor();
  // The size chosen is remembered: 100 a page after a reload; a value that
  // is not one of the sizes gives the default, 50.
  await page.reload();
  await pager.getByText(/Actions 1 – 100 sur 450/).waitFor();
  assert.equal(await pager.getByLabel('Actions par page').inputValue(), '100');
  await page.evaluate(() => localStorage.setItem('budget-widget:actions-par-page', 'beaucoup'));
  await page.reload();
  await pager.getByText(/Actions 1 – 50 sur 450/).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an edit changes the text of the totals, subtotal and grand total, not their cells', async () => {
  const page = await open(env);
  await pasteVienne(page, { confirm: true });
  // From now on, record cells added or removed and attributes written in the
  // totals table, the subtotal rows and the grand total row (not text), and
  // in the list of funders of the SCDL export (the same funders after it),
  // once that export's chunk has come (in the background after start).
  await page.locator('#bw-scdl-attribuant').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    const watched = [
      ...document.querySelectorAll('table.bw-totals, tr.bw-subtotal, tr.bw-grand, #bw-scdl-attribuant'),
    ];
    window.structureChanges = [];
    const observer = new MutationObserver((records) => window.structureChanges.push(...records.map((r) => `${r.type} ${r.attributeName ?? ''} ${r.target.nodeName}`)));
    for (const node of watched) observer.observe(node, { subtree: true, childList: true, attributes: true });
    window.watchedCount = watched.length;
  });
  assert.ok((await page.evaluate(() => window.watchedCount)) >= 4);
  assert.ok((await page.locator('#bw-scdl-attribuant option').count()) >= 2);
  // Action 2, État: 50 000 → 40 000: grand total 1 775 650 − 10 000 = 1 765 650.
  await actionRow(page, '2').getByRole('cell').nth(1).click();
  await page.keyboard.press('Enter');
  await page.getByLabel(/Modifier la cellule/).fill('40000');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: eur('1 765 650,00') }).waitFor();
  assert.equal(await grandTotal(page), eur('1 765 650,00'));
  const grandRow = actionsTable(page).locator('tr.bw-grand');
  assert.ok((await grandRow.textContent()).includes(eur('1 765 650,00')));
  assert.deepEqual(await page.evaluate(() => window.structureChanges), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('opening and closing the cell editor moves no column of the table', async () => {
  const page = await open(env);
  await pasteVienne(page, { confirm: true });
  const table = actionsTable(page);
  const columns = () =>
    table.getByRole('columnheader').evaluateAll((cells) =>
      cells.map((c) => {
        const r = c.getBoundingClientRect();
        return `${c.textContent.trim()} ${r.left.toFixed(1)}+${r.width.toFixed(1)}`;
      }),
    );
  const before = await columns();
  assert.ok(before.length >= 5, before.join(' | '));
  const editor = page.getByLabel(/Modifier la cellule/);
  // The narrow N° column (a row header) and an amount column.
  for (const found of [table.getByRole('rowheader', { name: '2', exact: true }), actionRow(page, '2').getByRole('cell').nth(1)]) {
    // The same element while edited (its accessible name then holds the editor's).
    const cell = await found.elementHandle();
    await cell.click();
    await page.keyboard.press('Enter');
    await editor.waitFor();
    await page.keyboard.type('=1234567,89*1000');
    assert.deepEqual(await columns(), before);
    // The editor lies over its cell, top to bottom.
    const [e, c] = [await editor.boundingBox(), await cell.boundingBox()];
    assert.ok(Math.abs(e.y - c.y) <= 1 && Math.abs(e.y + e.height - (c.y + c.height)) <= 1, JSON.stringify({ e, c }));
    assert.ok(e.width >= 7 * 16 - 1, `editor ${e.width} px wide`);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    assert.deepEqual(await columns(), before);
  }
  assert.equal(await grandTotal(page), eur('1 775 650,00'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
