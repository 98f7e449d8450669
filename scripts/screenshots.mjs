// Screenshots of each view for the README (docs/screenshots/*.png), taken from
// the release build in Debian's Chromium. Run after `bash scripts/build.sh`:
//
//   node scripts/screenshots.mjs
//
// Not part of the tests: the pictures are looked at, the tests assert.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(join(root, 'e2e', 'serve.mjs'));

const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await serve(join(root, 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.getByRole('heading', { level: 1 }).waitFor();
await page
  .getByLabel(/Tableau à coller/)
  .fill(readFileSync(join(root, 'tests', 'fixtures', 'creuse-2023-execution.tsv'), 'utf8'));
await page.screenshot({ path: join(out, 'lecture.png'), fullPage: true });
await page.getByRole('button', { name: 'Valider la lecture' }).click();

const views = [
  ['Budget', 'budget'],
  ['Exécution', 'execution'],
  ['Tranches', 'tranches'],
  ['Années', 'annees'],
  ['Vérifications', 'verifications'],
  ['Scénarios', 'scenarios'],
  ['Paramètres', 'parametres'],
];
for (const [name, file] of views) {
  await page.getByRole('tab', { name }).click();
  if (name === 'Tranches') {
    await page.getByLabel('Nom de l’échéancier').fill('Subvention État, action 5');
    await page.getByLabel('Action financée').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Ajouter l’échéancier' }).click();
    const preset = page.getByRole('button', { name: /60/ }).first();
    if (await preset.count()) await preset.click().catch(() => {});
  }
  await page.waitForTimeout(200);
  const panel = page.getByRole('tabpanel');
  await panel.screenshot({ path: join(out, `${file}.png`) });
  console.log(`docs/screenshots/${file}.png`);
}
await page.emulateMedia({ media: 'print' });
await page.screenshot({ path: join(out, 'impression.png') });
await browser.close();
await server.close();
