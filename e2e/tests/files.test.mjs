// Files end to end: open a spreadsheet (read in the on-demand worker) or a text
// file, save the convention and open it again, export for Excel.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dropFile, expectVienneFunderTotals, open, root, start, totalsTable, vienneXlsx } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const vienneTsv = join(root, 'tests', 'fixtures', 'vienne-2024-solidarites.tsv');

test('an .xlsx annex opens through the spreadsheet worker', async () => {
  const page = await open(env);
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  assert.ok(!loaded.some((p) => p.includes('budget-sheets')), 'the worker is not part of the first load');
  await page.getByLabel('Ouvrir un fichier').setInputFiles(vienneXlsx);
  await expectVienneFunderTotals(page);
  // On demand, under names that change with its content (a cached old
  // worker is never used by a new widget).
  assert.ok(
    loaded.some((p) => /\/budget-sheets-[0-9a-f]{16}_bg\.wasm$/.test(p)),
    `the worker was loaded on demand: ${loaded.join(', ')}`,
  );
  await page.getByRole('region', { name: 'Lecture du tableau' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a workbook protected by a password is said to be, and nothing is lost', async () => {
  const page = await open(env);
  await page.getByLabel('Ouvrir un fichier').setInputFiles(vienneTsv);
  await expectVienneFunderTotals(page);
  // Encrypted with the password "secret" (see crates/budget-core/tests/files_open.rs).
  await page
    .getByLabel('Ouvrir un fichier')
    .setInputFiles(join(root, 'crates', 'budget-core', 'tests', 'data', 'vienne-password.xlsx'));
  const alert = page.getByRole('alert').filter({ hasText: 'protégé par un mot de passe' });
  await alert.waitFor();
  assert.match(
    await alert.textContent(),
    /classeur XLSX protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-en une copie sans mot de passe/,
  );
  // The table open before is still there.
  await expectVienneFunderTotals(page);
  await page.context().close();
});

test('a .tsv file opens like a paste, and a saved convention opens again', async () => {
  const page = await open(env);
  await page.getByLabel('Ouvrir un fichier').setInputFiles(vienneTsv);
  await expectVienneFunderTotals(page);
  await page.getByRole('button', { name: 'Valider la lecture' }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Enregistrer la convention/ }).click();
  const saved = await (await download).path();
  const json = JSON.parse(readFileSync(saved, 'utf8'));
  assert.equal(json.version, 1);
  assert.equal(json.actions.length, 14);

  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByText(/Aucun tableau pour l’instant/).waitFor();
  await page.getByLabel('Ouvrir un fichier').setInputFiles({ name: 'vienne.json', mimeType: 'application/json', buffer: readFileSync(saved) });
  await expectVienneFunderTotals(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the .xlsx annex export opens again with the same figures', async () => {
  const page = await open(env);
  await page.getByLabel(/Tableau à coller/).fill(readFileSync(vienneTsv, 'utf8'));
  await expectVienneFunderTotals(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Exporter l’annexe/ }).click();
  const bytes = readFileSync(await (await download).path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip (xlsx) file');
  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByLabel('Ouvrir un fichier').setInputFiles({
    name: 'annexe.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await expectVienneFunderTotals(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the CSV export is for French Excel: BOM, semicolons, decimal comma', async () => {
  const page = await open(env);
  await page.getByLabel(/Tableau à coller/).fill('N°\tIntitulé\tEtat\tCD\n1\t=cmd|calc\t1 000,50\t2 000\n');
  await totalsTable(page).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Exporter pour Excel/ }).click();
  const bytes = readFileSync(await (await download).path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = bytes.toString('utf8');
  assert.match(text, /;/);
  // 1 000,50 + 2 000 = 3 000,50, written without thousands separator.
  assert.match(text, /1000,50/);
  assert.match(text, /3000,50/);
  // The title starting with "=" is neutralised, never a formula.
  assert.doesNotMatch(text, /(^|;)"?=cmd/m);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the SCDL open-data export asks for what the convention lacks', async () => {
  const page = await open(env);
  await page.getByLabel(/Tableau à coller/).fill(readFileSync(vienneTsv, 'utf8'));
  await expectVienneFunderTotals(page);
  await page.getByText(/Exporter pour l’open data/).click();
  // Nothing filled in yet: the file cannot be written, and the user is told why.
  await page.getByRole('button', { name: 'Exporter le fichier SCDL (.csv)' }).click();
  await page.getByRole('alert').filter({ hasText: /SCDL/ }).waitFor();

  // The refusal lists what is missing, and each field says it too.
  const refusal = page.getByRole('alert').filter({ hasText: /SCDL/ });
  assert.match(await refusal.innerText(), /idAttribuant : absent/);
  const siret = page.getByLabel(/idAttribuant/);
  assert.equal(await siret.getAttribute('aria-invalid'), 'true');
  // Checked as typed: 228 600 011 00016 with its last digit changed fails
  // the Luhn key, and its form is shown next to the field.
  await page.getByLabel(/nomAttribuant/).fill('Département de la Vienne');
  await siret.fill('228 600 011 00017');
  const siretState = page.locator('#bw-scdl-id-attribuant-state');
  await siretState.getByText(/clé de contrôle \(formule de Luhn\) est fausse/).waitFor();
  assert.match(await page.locator('#bw-scdl-id-attribuant-hint').innerText(), /14 chiffres/);
  await siret.fill('228 600 011 00016');
  await siretState.getByText('Forme juste.').waitFor();
  assert.equal(await siret.getAttribute('aria-invalid'), null);
  // A date that does not exist, then a period that runs backwards.
  const period = page.getByLabel(/datesPeriodeVersement/);
  await period.fill('2024-12-31/2024-01-01');
  await page.locator('#bw-scdl-periode-state').getByText(/du début à la fin/).waitFor();
  await page.getByLabel(/dateConvention/).fill('2024-03-29');
  await page.getByLabel(/nomBeneficiaire/).fill('Association Exemple');
  await page.getByLabel(/idBeneficiaire/).fill('38047555800058');
  await page.getByLabel(/datesPeriodeVersement/).fill('2024-01-01/2024-12-31');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le fichier SCDL (.csv)' }).click();
  const text = readFileSync(await (await download).path(), 'utf8').replace(/^\ufeff/, '');
  const lines = text.trim().split(/\r?\n/);
  assert.match(lines[0], /^nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire/);
  // The Département (the default attributing funder) pays for 13 of the 14
  // actions: action 13 has 0 €. Action 1's amount is 146 000 €.
  assert.equal(lines.length, 1 + 13);
  assert.ok(lines.some((l) => l.includes('Crèche familiale préventive') && l.includes('146000')), lines.join('\n'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Drops a file on the calculator as a file manager would. */
test('a file dropped on the calculator opens: .tsv, then .xlsx through the worker', async () => {
  const page = await open(env);
  await dropFile(page, 'annexe.tsv', 'text/tab-separated-values', readFileSync(vienneTsv));
  await expectVienneFunderTotals(page);
  await page.getByRole('region', { name: 'Lecture du tableau' }).waitFor();
  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByText(/Aucun tableau pour l’instant/).waitFor();
  await dropFile(
    page,
    'annexe.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    readFileSync(vienneXlsx),
  );
  await expectVienneFunderTotals(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
