// Offline: after a first visit the widget opens with the network cut, with the
// user's convention; a new build replaces the old offline copy; the web app
// manifest makes it installable.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { controlled, eur, grandTotal, oneAction, openIn, pasteVienne, root, start, vienneXlsx } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test('after a first visit, with the network cut, the widget opens with the saved convention', async () => {
  const context = await env.browser.newContext();
  const page = await openIn(context, env.url);
  await controlled(page);
  // 558 633 + 681 524 + 535 493 = 1 775 650 (see first-slice.test.mjs); autosaved.
  await pasteVienne(page);

  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the offline copy');
  assert.equal(await grandTotal(page), eur('1 775 650,00'));
  // Offline, the spreadsheet worker (loaded on demand) is in the copy too.
  await page.getByLabel('Ouvrir un fichier').setInputFiles(vienneXlsx);
  await page.getByRole('region', { name: 'Lecture du tableau' }).waitFor();
  assert.equal(await grandTotal(page), eur('1 775 650,00'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the manifest makes the widget installable', async () => {
  // A profile on disk: Chromium refuses to install from an incognito context.
  const profile = mkdtempSync(join(tmpdir(), 'budget-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await openIn(context, env.url);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.start_url, '.');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name && manifest.theme_color);
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.type}`);
  assert.ok(sizes.includes('192x192 image/png') && sizes.includes('512x512 image/png'), sizes.join());
  // Each icon is served, with its type.
  for (const icon of manifest.icons) {
    const served = await page.evaluate(async (src) => {
      const r = await fetch(new URL(src, document.baseURI));
      return { ok: r.ok, type: r.headers.get('content-type') };
    }, icon.src);
    assert.ok(served.ok, icon.src);
    assert.ok(served.type.startsWith(icon.type), `${icon.src}: ${served.type}`);
  }
  await controlled(page);
  // Chromium's own verdict.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  assert.deepEqual(page.problems, []);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a new build replaces the old offline copy', async () => {
  // A copy of dist/ whose sw.js is changed as a new deployment would change it.
  const dir = mkdtempSync(join(tmpdir(), 'budget-dist-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  const own = await start({ dir });
  try {
    const context = await own.browser.newContext();
    const page = await openIn(context, own.url);
    await controlled(page);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const oldVersion = sw.match(/const VERSION = '([0-9a-f]+)'/)?.[1];
    assert.ok(oldVersion, 'sw.js names its version');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`budget-widget-${oldVersion}`]);
    await page.getByLabel(/Tableau à coller/).fill(oneAction(100, 50));
    await page.getByRole('status').filter({ hasText: eur('150,00') }).waitFor();

    const newVersion = 'feedc0ffee000001';
    writeFileSync(join(dir, 'sw.js'), sw.replace(`const VERSION = '${oldVersion}'`, `const VERSION = '${newVersion}'`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // The new version installs, takes over and deletes the old copy.
    let keys = [];
    for (let i = 0; i < 100; i++) {
      keys = await page.evaluate(() => caches.keys());
      if (keys.length === 1 && keys[0] === `budget-widget-${newVersion}`) break;
      await page.waitForTimeout(100);
    }
    assert.deepEqual(keys, [`budget-widget-${newVersion}`]);
    const active = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).active.scriptURL);
    assert.equal(new URL(active).pathname, '/sw.js');
    // The new copy is complete: offline, the widget opens with the user's work.
    await context.setOffline(true);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker());
    assert.equal(await grandTotal(page), eur('150,00'));
    assert.deepEqual(page.problems, []);
    await context.close();
  } finally {
    await own.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
