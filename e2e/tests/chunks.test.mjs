// The chunks (src/chunks.rs, scripts/split.mjs): the first load is the page
// a first visit sees (heading, paste area, file picker); the workbench (table
// reader, totals, table, tabs) comes right after the first paint (or with the
// first paste or file, should it come first), the other
// views when their tab is opened, everything in the background a moment after
// start; a chunk that cannot be fetched is said, and nothing is lost.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eur, fixture, oneAction, openIn, pasteVienne, savedWith, start } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const isChunk = (u) => /\/w-[0-9a-f]{16}\/(split_[a-z_]+|chunk_\d+)\.wasm$/.test(new URL(u).pathname);

test('the first load has no chunk; a paste brings the workbench, opening a tab its view, the others come in the background', async () => {
  // No service worker: every chunk is a request seen here.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  // The workbench is asked for right after the first paint: held back until
  // the page is up, to see that the page needs no chunk.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(/\/split_workbench\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const page = await openIn(context, env.url);
  // The page is up (heading, paste area, what there is so far): no chunk was
  // needed for it, nothing but the workbench asked for.
  await page.getByLabel(/Tableau à coller/).waitFor();
  await page.getByText(/Aucun tableau/).waitFor();
  const early = requests.filter(isChunk).map((u) => new URL(u).pathname.split('/').pop());
  // (chunk_N: code the workbench shares with other chunks, fetched with it)
  assert.ok(early.every((f) => /^(split_workbench|chunk_\d+)\.wasm$/.test(f)), early.join(', '));
  assert.ok(requests.some((u) => /\/w-[0-9a-f]{16}\/budget-widget_bg\.wasm$/.test(u)), 'main module loaded');
  release();

  // A paste at once: the workbench comes and reads it.
  await pasteVienne(page);
  assert.ok(requests.some((u) => u.endsWith('/split_workbench.wasm')), requests.filter(isChunk).join('\n'));

  // The Years tab: its view comes with its chunk.
  await page.getByRole('tab', { name: 'Années' }).click();
  await page.getByRole('heading', { name: 'Années', level: 2 }).waitFor();
  assert.ok(requests.some((u) => u.endsWith('/split_years.wasm')), requests.filter(isChunk).join('\n'));

  // The others in the background: the Tranches view is then ready, and its
  // chunk was fetched once.
  await page.locator('#bw-tranches-heading').waitFor({ state: 'attached' });
  await page.getByRole('tab', { name: 'Tranches' }).click();
  await page.getByRole('heading', { name: 'Échéanciers de paiement' }).waitFor();
  const fetched = requests.filter(isChunk).map((u) => new URL(u).pathname.split('/').pop());
  assert.equal(fetched.filter((f) => f === 'split_tranches.wasm').length, 1);
  for (const f of ['split_json.wasm', 'split_scenarios.wasm', 'split_exports.wasm'])
    assert.ok(fetched.includes(f), `${f} in the background: ${fetched.join(', ')}`);
  assert.equal(new Set(fetched).size, fetched.length, `each chunk once: ${fetched.join(', ')}`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('without a paste, the workbench (tabs, empty table) comes in the background', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await openIn(context, env.url);
  await page.getByRole('tab', { name: 'Budget' }).waitFor();
  await page.getByRole('button', { name: 'Ajouter une action' }).click();
  await page.getByLabel(/Modifier la cellule/).fill('Maraudes');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1 000');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: eur('1 000,00') }).waitFor();
  assert.ok(requests.some((u) => u.endsWith('/split_workbench.wasm')));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a workbench that cannot be fetched is said at the paste; pasted again once it can, the table is read', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  await context.route(/\/split_workbench\.wasm$/, (route) => route.abort('internetdisconnected'));
  const page = await openIn(context, env.url);
  const area = page.getByLabel(/Tableau à coller/);
  await area.fill(fixture('vienne-2024-solidarites.tsv'));
  await page.getByRole('alert').filter({ hasText: 'Le lecteur de tableaux n’a pas pu être chargé' }).waitFor();
  // Nothing typed is lost: the text is still in the paste area.
  assert.match(await area.inputValue(), /Thérapie familiale/);
  await context.unroute(/\/split_workbench\.wasm$/);
  await area.fill(fixture('vienne-2024-solidarites.tsv'));
  await page.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();
  for (const p of page.problems) assert.match(p, /split_workbench|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/, p);
  await context.close();
});

test('a convention another tab saves while the workbench is on its way is offered, never put over the paste', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  // The first tab's workbench is held back until the other tab has saved.
  const first = await context.newPage();
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await first.route(/\/split_workbench\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await first.goto(env.url);
  await first.getByLabel(/Tableau à coller/).fill(oneAction(100, 100));

  const second = await openIn(context, env.url);
  await second.getByLabel(/Tableau à coller/).fill(oneAction(300, 300));
  await second.getByRole('status').filter({ hasText: eur('600,00') }).waitFor();
  await savedWith(second, '"300"');

  // The first tab reads its own paste (100 + 100) and is told of the other
  // tab's version, which it neither loads nor sets aside nor overwrites.
  release();
  await first.getByRole('status').filter({ hasText: eur('200,00') }).waitFor();
  const banner = first.getByRole('alert').filter({ hasText: /modifiée dans un autre onglet/ });
  await banner.waitFor();
  await first.waitForTimeout(600); // (a save would be done by now)
  assert.match(await first.evaluate(() => localStorage.getItem('budget-widget:convention')), /"300"/);
  assert.ok((await first.getByRole('status').textContent()).includes(eur('200,00')), 'its own figures kept');
  await banner.getByRole('button', { name: /Charger la version de l’autre onglet/ }).click();
  await first.getByRole('status').filter({ hasText: eur('600,00') }).waitFor();
  assert.deepEqual(second.problems, []);
  await context.close();
});

test('a chunk that cannot be fetched is said in its tab or for its export; the calculator goes on', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  await context.route(/\/split_(tranches|exports)\.wasm$/, (route) => route.abort('internetdisconnected'));
  const page = await openIn(context, env.url);
  await page.getByRole('tab', { name: 'Tranches' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Tranches' });
  await panel.getByRole('alert').filter({ hasText: 'Cette vue n’a pas pu être chargée' }).waitFor();
  assert.equal(await panel.getByRole('heading', { name: 'Échéanciers de paiement' }).count(), 0);

  // The rest works: a pasted table is read and summed, another view opens.
  await page.getByLabel(/Tableau à coller/).fill(fixture('vienne-2024-solidarites.tsv'));
  await page.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();
  await page.getByRole('tab', { name: 'Années' }).click();
  await page.getByRole('heading', { name: 'Années', level: 2 }).waitFor();
  // An export whose chunk cannot be fetched says so; nothing is downloaded.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: /Exporter pour Excel/ }).click();
  await page.getByRole('alert').filter({ hasText: 'Cet export n’a pas pu être chargé' }).waitFor();
  assert.equal(downloads, 0);
  // The only problems are the failed fetches, told on the console.
  for (const p of page.problems) assert.match(p, /split_(tranches|exports)|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/, p);
  await context.close();
});

test('an anchor of the page in the address is no share link: the start does not wait for the JSON reader', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await openIn(context, `${env.url}#mode-d-emploi`);
  await page.getByLabel(/Tableau à coller/).waitFor();
  // (the workbench, and the code it shares, is asked for right after the
  // first paint; the JSON reader is not)
  assert.ok(!requests.some((u) => u.endsWith('/split_json.wasm')), requests.filter(isChunk).join('\n'));
  await context.close();
});

test('the JSON reader and the workbench come first when conventions are kept; if one cannot be fetched, that is said and nothing kept is touched', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const page = await openIn(context, env.url);
  await pasteVienne(page);
  // Saved once the user pauses (0.4 s): the working copy and the list.
  await page.waitForFunction(() => localStorage.getItem('budget-widget:convention') && localStorage.getItem('budget-widget:liste'));

  // A reload: the reader and the workbench are fetched before the
  // calculator, which then shows the convention kept.
  requests.length = 0;
  await page.reload();
  await page.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();
  assert.ok(requests.some((p) => p.endsWith('/split_json.wasm')), requests.join('\n'));
  assert.ok(requests.some((p) => p.endsWith('/split_workbench.wasm')), requests.join('\n'));
  await page.waitForTimeout(600); // (anything the start writes, written)
  const storage = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
  const kept = await storage();

  // The reader, then the workbench, cannot be fetched (routing disables the
  // browser's cache).
  for (const chunk of [/\/split_json\.wasm$/, /\/split_workbench\.wasm$/]) {
    await context.route(chunk, (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'n’a pas pu charger le lecteur de vos conventions' }).waitFor();
    assert.equal(await page.getByLabel(/Tableau à coller/).count(), 0, `no calculator without ${chunk}`);
    await page.waitForTimeout(600);
    const now = await storage();
    assert.deepEqual(Object.keys(now), Object.keys(kept), 'no key added or removed');
    for (const k of Object.keys(kept)) assert.ok(now[k] === kept[k], `${k} as it was`);
    await context.unroute(chunk);
  }
  for (const p of page.problems) assert.match(p, /split_(json|workbench)|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/, p);
  await context.close();
});
