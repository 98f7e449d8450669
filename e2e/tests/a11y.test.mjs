// Accessibility (axe-core, RGAA 4.1 / WCAG 2.1 AA rules), a 360 px wide
// screen, and the printed page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { actionsTable, eur, fixture, open, pasteVienne, start, totalsTable } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Runs axe-core on the widget (WCAG 2.0/2.1 A and AA rules); gives the violations. */
async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('.budget-widget'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const tabs = ['Budget', 'Exécution', 'Tranches', 'Années', 'Vérifications', 'Scénarios', 'Paramètres'];

test('axe-core finds no violation, empty and with each view of a convention', async () => {
  const page = await open(env);
  assert.deepEqual(await axe(page), [], 'empty calculator');
  // The Creuse report has execution figures and co-financing breaches; the
  // mapping preview is shown until it is confirmed.
  await page.getByLabel(/Tableau à coller/).fill(fixture('creuse-2023-execution.tsv'));
  await page.getByRole('button', { name: 'Valider la lecture' }).waitFor();
  assert.deepEqual(await axe(page), [], 'mapping preview');
  await page.getByRole('button', { name: 'Valider la lecture' }).click();
  for (const name of tabs) {
    await page.getByRole('tab', { name }).click();
    assert.deepEqual(await axe(page), [], `view ${name}`);
  }
  // A cell being edited.
  await page.getByRole('tab', { name: 'Budget' }).click();
  await actionsTable(page).getByRole('cell').first().click();
  await page.keyboard.press('Enter');
  await page.getByLabel(/Modifier la cellule/).waitFor();
  assert.deepEqual(await axe(page), [], 'cell editor');
  // In English too.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(await axe(page), [], 'English');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a 360 px wide screen nothing but the tables scrolls sideways', async () => {
  const page = await open(env, { viewport: { width: 360, height: 740 } });
  await pasteVienne(page, { confirm: true });
  for (const name of tabs) {
    await page.getByRole('tab', { name }).click();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `view ${name}: the page is ${width} px wide`);
  }
  await page.context().close();
});

test('on a 360 px wide screen the charts keep their text size, and follow a turned screen', async () => {
  // The drawings were 640 units wide whatever the screen: on a phone their
  // 14-unit labels came out 7 pixels high. Each chart is now drawn as wide as
  // its figure (in steps of 40, 280 to 640 units): a unit stays a pixel or
  // more.
  const page = await open(env, { viewport: { width: 360, height: 740 } });
  await page.getByLabel(/Tableau à coller/).fill(fixture('creuse-2023-execution.tsv'));
  await page.getByRole('tab', { name: 'Budget' }).click();
  const scale = (name) =>
    page.getByRole('img', { name }).evaluate((svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
  const funding = /^Répartition du financement/;
  await page.waitForFunction(() => document.querySelector('.bw-funding-chart svg')?.viewBox.baseVal.width < 640);
  assert.ok((await scale(funding)) >= 1, `funding chart drawn at ${await scale(funding)} px a unit`);
  await page.getByRole('tab', { name: 'Exécution' }).click();
  const consumption = /^Consommation des crédits par action/;
  await page.getByRole('img', { name: consumption }).waitFor();
  await page.waitForFunction(() => document.querySelector('.bw-consumption-chart svg')?.viewBox.baseVal.width < 640);
  assert.ok((await scale(consumption)) >= 1, `consumption chart drawn at ${await scale(consumption)} px a unit`);
  // Turned to landscape (and on a computer): the full 640-unit drawing.
  await page.setViewportSize({ width: 1280, height: 740 });
  await page.waitForFunction(() => document.querySelector('.bw-consumption-chart svg')?.viewBox.baseVal.width === 640);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the printed page: title, date, settings, every view, no buttons', async () => {
  const page = await open(env);
  await pasteVienne(page, { confirm: true });
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await page.getByLabel('Titre de la convention').fill('Convention Vienne 2024');
  await page.getByLabel('Titre de la convention').press('Tab');
  await page.getByRole('tab', { name: 'Budget' }).click();
  await page.emulateMedia({ media: 'print' });
  // The heading line of the paper: title, settings and today's date.
  const header = page.getByText(/^Convention Vienne 2024 — /);
  await header.waitFor();
  const today = new Date();
  const date = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  assert.match(await header.textContent(), new RegExp(`50,00\u00a0%.*${date}`));
  // No button, no field, no tab on paper.
  assert.equal(await page.getByRole('button').count(), 0);
  assert.equal(await page.getByRole('textbox').count(), 0);
  assert.equal(await page.getByRole('tab').count(), 0);
  // Every view is printed, not only the chosen tab: the totals, the table of
  // actions with its column headings repeated on each page, and the checks.
  await totalsTable(page).waitFor();
  const actions = actionsTable(page);
  assert.equal(await actions.locator('thead').evaluate((t) => getComputedStyle(t).display), 'table-header-group');
  await page.getByRole('region', { name: /Vérifications/ }).waitFor();
  assert.ok((await page.getByRole('region', { name: /Vérifications/ }).textContent()).includes(eur('1 815 650,00')));
  // A4 landscape.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const text = pdf.toString('latin1');
  const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'a media box');
  // A4 landscape is 297 × 210 mm = 841,89 × 595,28 pt.
  assert.ok(Math.abs(Number(box[1]) - 841.89) < 1 && Math.abs(Number(box[2]) - 595.28) < 1, box[0]);
  await page.context().close();
});
