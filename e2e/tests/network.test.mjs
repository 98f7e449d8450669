// No network: once loaded, the widget asks nothing of any server. Everything
// it shows, computes, exports and saves stays in the browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { controlled, eur, openIn, pasteVienne, start, vienneXlsx } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Waits until the service worker controls the page and no request has been made for `quiet` ms. */
async function settle(page, requests, quiet = 1000) {
  await controlled(page);
  let seen = -1;
  while (seen !== requests.length) {
    seen = requests.length;
    await page.waitForTimeout(quiet);
  }
}

test('after loading, pasting, exporting and saving make no request at all', async () => {
  const context = await env.browser.newContext();
  const all = [];
  const methods = [];
  // Every request of the context: pages, the service worker, dedicated workers.
  context.on('request', (r) => {
    all.push(r.url());
    methods.push(r.method());
  });
  const page = await openIn(context, env.url);
  // The views' chunks are fetched in the background once the widget has
  // started (src/chunks.rs): the Settings view, one of them, is then there.
  await page.locator('#bw-set-title').waitFor({ state: 'attached' });
  await settle(page, all);
  // The first load and the views' chunks: only the widget's own files, from its
  // own origin (no web font, no CDN, no analytics).
  const origin = new URL(env.url).origin;
  assert.ok(all.length > 0);
  assert.deepEqual(
    all.filter((u) => new URL(u).origin !== origin),
    [],
  );

  const after = [];
  context.on('request', (r) => after.push(r.url()));
  await pasteVienne(page, { confirm: true });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Français' }).click();
  for (const name of [/Exporter pour Excel/, /Enregistrer la convention/]) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    await (await download).path();
  }
  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByRole('button', { name: 'Annuler l’import' }).click();
  await page.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();
  await page.waitForTimeout(500);
  // Downloads are blob: addresses made in the page; nothing else (the views'
  // chunks were all fetched in the background before).
  assert.deepEqual(
    after.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')),
    [],
  );

  // Opening a spreadsheet loads the spreadsheet worker's three files, once, from
  // the widget's own origin (served from the offline cache once the service
  // worker runs): the only requests the widget makes after its first load.
  after.length = 0;
  await page.getByLabel('Ouvrir un fichier').setInputFiles(vienneXlsx);
  await page.getByRole('region', { name: 'Lecture du tableau' }).waitFor();
  await page.waitForTimeout(500);
  const worker = after.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.ok(worker.length > 0, 'the worker was loaded');
  for (const u of worker) {
    const url = new URL(u);
    assert.equal(url.origin, origin, u);
    assert.match(url.pathname, /^\/budget-sheets-[0-9a-f]{16}(_loader\.js|\.js|_bg\.wasm)$/, u);
  }
  // The file itself never leaves the browser: no request sends anything.
  assert.deepEqual(methods.filter((m) => m !== 'GET'), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});
