// Storage faults (storage.test.mjs has the reload, the other tab's version
// taken, a full storage): a storage that throws or is missing, a corrupt save,
// a save of the oldest format, a storage full then freed, the user's own
// version kept against another tab. Nothing is lost, the user is told.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { actionRow, eur, grandTotal, oneAction, open, openIn, savedWith, start, WORKING_COPY as KEY } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** A new context whose pages run `init` before any script of theirs. */
async function contextWith(init, arg) {
  const context = await env.browser.newContext();
  await context.addInitScript(init, arg);
  return context;
}

test('a storage that throws on every call: the user is told, the widget works', async () => {
  const context = await contextWith(() => {
    for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
      Storage.prototype[name] = () => {
        throw new DOMException('refused', 'SecurityError');
      };
    }
  });
  const page = await openIn(context, env.url);
  await page.getByRole('alert').filter({ hasText: /L’enregistrement automatique a échoué.*SecurityError/ }).first().waitFor();
  await page.getByLabel(/Tableau à coller/).fill(oneAction('10', '20'));
  // 10 + 20 = 30: computed all the same.
  assert.equal(await grandTotal(page), eur('30,00'));
  // Saving to a file still works: the way to keep the work.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Enregistrer la convention/ }).click();
  assert.equal(JSON.parse(readFileSync(await (await download).path(), 'utf8')).actions.length, 1);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('no storage at all (localStorage refused, as in some sandboxes): the user is told', async () => {
  const context = await contextWith(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
  });
  const page = await openIn(context, env.url);
  await page.getByRole('alert').filter({ hasText: /ne permet pas d’enregistrer votre travail/ }).waitFor();
  await page.getByLabel(/Tableau à coller/).fill(oneAction('1', '2'));
  assert.equal(await grandTotal(page), eur('3,00'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a corrupt save is kept aside, can be downloaded, and the widget goes on', async () => {
  const broken = '{\n  "version": 1,\n  "title": "Vienne 2024",\n  "funders": [ {"kind": "state"';
  const context = await env.browser.newContext();
  const first = await openIn(context, env.url);
  await first.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, broken]);
  await first.close();

  const page = await openIn(context, env.url);
  const alert = page.getByRole('alert').filter({ hasText: /n’a pas pu être relue/ });
  await alert.waitFor();
  const message = await alert.textContent();
  // The reader's reason (where it stops), and the key it was kept under.
  assert.match(message, /JSON/);
  const keptAs = message.match(/« (budget-widget:illisible:\d+) »/)?.[1];
  assert.ok(keptAs, message);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), keptAs), broken);
  // The user can take the unreadable text away as a file.
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Télécharger la sauvegarde illisible' }).click();
  assert.equal(readFileSync(await (await download).path(), 'utf8'), broken);

  // New work is saved; the unreadable copy stays.
  await page.getByLabel(/Tableau à coller/).fill(oneAction('100', '50'));
  await page.getByRole('status').filter({ hasText: eur('150,00') }).waitFor();
  // Saved once the user pauses: until then the key still holds the broken text.
  await page.waitForFunction((k) => {
    try {
      return JSON.parse(localStorage.getItem(k) ?? 'null')?.actions?.length === 1;
    } catch {
      return false;
    }
  }, KEY);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), keptAs), broken);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a save in the oldest format (version 0) is migrated with the right figures', async () => {
  // Version 0 stored the maximum State share as a percentage (40 for 40 %);
  // version 1 stores the fraction (crates/budget-core/src/saved.rs).
  const v0 = JSON.stringify({
    version: 0,
    title: 'Convention 2019',
    settings: { state_max_share: 40 },
    funders: [
      { kind: 'state', name: 'État' },
      { kind: 'departement', name: 'Département' },
    ],
    groups: [{ kind: 'axe', name: 'Axe 1' }],
    actions: [
      {
        number: '1',
        title: 'Maraudes',
        group: 0,
        planned: [
          { funder: 0, part: 'base', value: '45000' },
          { funder: 1, part: 'base', value: '55000' },
        ],
      },
      {
        number: '2',
        title: 'Logement',
        group: 0,
        planned: [
          { funder: 0, part: 'base', value: '30000' },
          { funder: 1, part: 'base', value: '70000' },
        ],
      },
    ],
  });
  const context = await env.browser.newContext();
  const first = await openIn(context, env.url);
  await first.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, v0]);
  await first.close();
  const page = await openIn(context, env.url);
  // État 45 000 + 30 000 = 75 000; Département 55 000 + 70 000 = 125 000; total 200 000.
  assert.equal(await grandTotal(page), eur('200 000,00'));
  // With the 40 % rule (read as 0,4, not as 40): action 1's State share is
  // 45 000 / 100 000 = 45 % > 40 %: broken, excess 45 000 − 0,4 × 100 000 =
  // 5 000, Département missing 45 000 / 0,4 − 100 000 = 12 500. Action 2: 30 %.
  const one = await actionRow(page, '1').getByRole('cell').allTextContents();
  assert.equal(one.at(-2), '45,00\u00a0%');
  assert.match(one.at(-1), new RegExp(`dépassé.*${eur('5 000,00')}.*${eur('12 500,00')}`));
  const two = await actionRow(page, '2').getByRole('cell').allTextContents();
  assert.equal(two.at(-1), 'respecté');
  assert.equal(await page.getByRole('alert').count(), 0, 'no warning about the storage');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a full storage, then freed: the user is told, then the work is saved', async () => {
  const context = await contextWith((key) => {
    window.__full = true;
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key && window.__full) throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, k, v);
    };
  }, KEY);
  const page = await openIn(context, env.url);
  await page.getByLabel(/Tableau à coller/).fill(oneAction('10', '20'));
  const full = page.getByRole('alert').filter({ hasText: /stockage du navigateur est plein/ });
  await full.waitFor();
  // Space is back (the user emptied other sites' data): the next change is saved
  // and the message goes away.
  await page.evaluate(() => {
    window.__full = false;
  });
  await page.getByLabel(/Tableau à coller/).fill(oneAction('10', '25'));
  await page.getByRole('status').filter({ hasText: eur('35,00') }).waitFor();
  await full.waitFor({ state: 'detached' });
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  assert.deepEqual(
    saved.actions[0].planned.map((a) => a.value),
    ['10', '25'],
  );
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('two tabs: keeping one’s own version writes it back, and the other tab is told in turn', async () => {
  const first = await open(env);
  await first.getByLabel(/Tableau à coller/).fill(oneAction('100', '100'));
  await first.getByRole('status').filter({ hasText: eur('200,00') }).waitFor();
  await savedWith(first, '"100"');
  const second = await openIn(first.context(), env.url);
  assert.equal(await grandTotal(second), eur('200,00'));
  await second.getByLabel(/Tableau à coller/).fill(oneAction('300', '300'));
  await second.getByRole('status').filter({ hasText: eur('600,00') }).waitFor();

  const banner = first.getByRole('alert').filter({ hasText: /modifiée dans un autre onglet/ });
  await banner.getByRole('button', { name: 'Garder la mienne' }).click();
  await banner.waitFor({ state: 'detached' });
  // The first tab's version is in the storage again…
  const stored = await first.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  assert.deepEqual(
    stored.actions[0].planned.map((a) => a.value),
    ['100', '100'],
  );
  // … and the second tab, whose version was replaced, is told and can take it.
  const told = second.getByRole('alert').filter({ hasText: /modifiée dans un autre onglet/ });
  await told.waitFor();
  assert.equal(await grandTotal(second), eur('600,00'));
  await told.getByRole('button', { name: /Charger la version de l’autre onglet/ }).click();
  await second.getByRole('status').filter({ hasText: eur('200,00') }).waitFor();
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await first.context().close();
});
