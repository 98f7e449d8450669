// PDF files end to end, read in the on-demand spreadsheet worker: the Creuse
// 2023 report and the Vienne 2024 annex made into PDFs by LibreOffice here
// (soffice, installed by scripts/setup.sh), dropped or opened with the picker,
// give the figures of their text; a PDF without text is said to be a scan.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dropFile, eur, expectVienneFunderTotals, fixture, funderTotal, grandTotal, open, root, start } from './helpers.mjs';

let env;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'budget-e2e-pdf-'));
  env = await start();
});
after(async () => {
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `file` (in the test's directory) converted to PDF by LibreOffice, its own profile. */
function soffice(file, infilter) {
  const args = [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless'];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, join(dir, file));
  execFileSync('soffice', args, { stdio: 'pipe' });
  return readFileSync(join(dir, file.replace(/\.[^.]+$/, '.pdf')));
}

/** The Creuse report's text as a PDF (pages of text, long lines wrapped). */
function creusePdf() {
  writeFileSync(join(dir, 'rapport.txt'), fixture('creuse-2023-rapport-execution.txt'));
  return soffice('rapport.txt', 'Text (encoded):UTF8,LF,,,');
}

/** The Vienne annex as a PDF table, each cell's text at its top, titles wrapped. */
function viennePdf() {
  const escape = (t) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const unquote = (c) => (c.length > 1 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replaceAll('""', '"') : c);
  const rows = fixture('vienne-2024-solidarites.tsv')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `<tr>${l.split('\t').map((c) => `<td valign="top">${escape(unquote(c))}</td>`).join('')}</tr>`);
  const html =
    '<html><head><meta charset="utf-8"></head><body style="font-size:7pt">' +
    `<table border="1" cellspacing="0" style="font-size:7pt">\n${rows.join('\n')}\n</table></body></html>\n`;
  writeFileSync(join(dir, 'annexe.html'), html);
  return soffice('annexe.html');
}

/** A one-page PDF whose page is a grey rectangle and no text, as a scan's page holds a picture. */
function scannedPdf() {
  const content = '0.5 g 100 100 395 642 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// State 330 873, Département 330 873, total 661 746 (worked in
// report-text.test.mjs); action 8's « Consommation totale : 51 000€ » against
// 38 468 + 12 352 = 50 820 executed.
test('the Creuse report as a PDF, dropped, gives the figures of its text', async () => {
  const page = await open(env);
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await dropFile(page, 'rapport.pdf', 'application/pdf', creusePdf());
  assert.equal(await funderTotal(page, 'État'), eur('330 873,00'));
  assert.equal(await funderTotal(page, 'Département'), eur('330 873,00'));
  assert.equal(await grandTotal(page), eur('661 746,00'));
  assert.ok(
    loaded.some((p) => /\/budget-sheets-[0-9a-f]{16}_bg\.wasm$/.test(p)),
    `the PDF was read by the worker, loaded on demand: ${loaded.join(', ')}`,
  );
  // Every amount taken is listed with its line and words.
  const preview = page.getByRole('region', { name: 'Lecture du tableau' });
  const figures = preview.getByRole('table', { name: 'Montants pris, avec leur ligne et les mots lus' });
  assert.match(await figures.getByRole('row', { name: /Report Etat 2021/ }).first().textContent(), /24 600 €/);
  await page.getByRole('tab', { name: 'Vérifications' }).click();
  const checks = page.getByRole('region', { name: /Vérifications/ });
  const slip = checks.getByText(/Consommation totale/);
  assert.match(await slip.textContent(), new RegExp(`${eur('51 000,00')}.*${eur('50 820,00')}`));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the Vienne annex as a PDF table, opened with the picker, reads by its columns', async () => {
  const page = await open(env);
  await page.getByLabel('Ouvrir un fichier').setInputFiles({ name: 'annexe.pdf', mimeType: 'application/pdf', buffer: viennePdf() });
  await expectVienneFunderTotals(page);
  // Said: the columns were found from the alignment of the amounts.
  const preview = page.getByRole('region', { name: 'Lecture du tableau' });
  assert.match(await preview.textContent(), /alignement de ses montants/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a PDF without text is said to be a scanned document, and nothing is lost', async () => {
  const page = await open(env);
  await page.getByLabel('Ouvrir un fichier').setInputFiles(join(root, 'tests', 'fixtures', 'vienne-2024-solidarites.tsv'));
  await expectVienneFunderTotals(page);
  await page.getByLabel('Ouvrir un fichier').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scannedPdf() });
  const alert = page.getByRole('alert').filter({ hasText: 'document scanné' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Ce PDF ne contient pas de texte .* reconnaissance de caractères \(OCR\)/);
  await expectVienneFunderTotals(page);
  await page.context().close();
});
