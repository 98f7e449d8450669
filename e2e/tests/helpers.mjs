// Shared set-up of the end-to-end tests: the release build (dist/) served on
// 127.0.0.1 and Debian's Chromium driven by playwright-core (no downloaded browser).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');

/** A fixture of the project (tests/fixtures/NAME). */
export function fixture(name) {
  return readFileSync(join(root, 'tests', 'fixtures', name), 'utf8');
}

/** The Vienne 2024 annex as a spreadsheet saved by LibreOffice (crates/budget-core/tests/data). */
export const vienneXlsx = join(root, 'crates', 'budget-core', 'tests', 'data', 'vienne-libreoffice.xlsx');

/**
 * A pasted table of one action (number 1, title « A ») with its State and
 * Département amounts, as a user would type it: `oneAction(10, 20)` totals 30 €.
 */
export function oneAction(state, departement) {
  return `N°\tIntitulé\tEtat\tCD\n1\tA\t${state}\t${departement}\n`;
}

/** The key of the working copy the widget saves in the browser (localStorage). */
export const WORKING_COPY = 'budget-widget:convention';

/** French amount as the widget shows it: U+202F between thousands, U+00A0 before €. */
export function eur(text) {
  return `${text.replaceAll(' ', '\u202f')}\u00a0€`;
}

/**
 * The grand total of the Vienne 2024 annex (tests/fixtures/vienne-2024-solidarites.tsv):
 * 558 633 + 681 524 + 535 493 = 1 775 650, worked by hand in first-slice.test.mjs.
 */
export const VIENNE_TOTAL = eur('1 775 650,00');

/** A CSP violation as Chromium reports it in the console. */
export const CSP_MESSAGE = /Content Security Policy|securitypolicyviolation/;

/**
 * Starts the server and the browser; returns { url, browser, cspViolations,
 * close }. The server sends the strict Content-Security-Policy on every
 * response (e2e/serve.mjs). Every context made with `browser.newContext` records
 * the CSP violations of its pages in `cspViolations`, and `close()` throws if
 * any is left there, failing the test file: no end-to-end test may break the
 * policy (a test that provokes one on purpose takes it out of the list).
 * `dir` and `headers` change what is served (default: dist/, strict CSP).
 */
export async function start({ dir = join(root, 'dist'), headers = {} } = {}) {
  const server = await serve(dir, 0, headers);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const cspViolations = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(() => {
      addEventListener(
        'securitypolicyviolation',
        (e) => console.error(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`),
        true,
      );
    });
    const watch = (page) =>
      page.on('console', (m) => {
        if (CSP_MESSAGE.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
      });
    context.pages().forEach(watch);
    context.on('page', watch);
    return context;
  };
  return {
    url: server.url,
    browser,
    cspViolations,
    async close() {
      await browser.close();
      await server.close();
      if (cspViolations.length > 0) {
        throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
      }
    },
  };
}

/**
 * Opens the widget in a new page and records every console error and uncaught
 * exception in `page.problems`.
 */
export async function open(env, options = {}) {
  const context = await env.browser.newContext(options);
  return openIn(context, env.url);
}

/** Opens `url` in a new page of `context`, recording problems as `open` does. */
export async function openIn(context, url) {
  const page = recordProblems(await context.newPage());
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/**
 * Records from now on every console error and uncaught exception of `page` in
 * `page.problems` (a test ends with `assert.deepEqual(page.problems, [])`);
 * gives the page. For a page that `open` / `openIn` did not make.
 */
export function recordProblems(page) {
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  return page;
}

/** Waits until the widget's service worker is active and controls `page`. */
export async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/**
 * Waits until the widget has saved (it saves once the user pauses, a few
 * tenths of a second after the last change) a working copy holding `text`.
 */
export async function savedWith(page, text) {
  await page.waitForFunction(([key, t]) => (localStorage.getItem(key) ?? '').includes(t), [WORKING_COPY, text]);
}

// Tables and rows. `scope` is a page, a frame or a frame locator (the widget in
// an iframe); a table is found by its caption (its accessible name).

/** The table of the totals per funder (`caption` in another language). */
export function totalsTable(scope, caption = 'Totaux par financeur') {
  return scope.getByRole('table', { name: caption, exact: true });
}

/** The table of actions and subtotals of the Budget view. */
export function actionsTable(scope) {
  return scope.getByRole('table', { name: /Actions et sous-totaux/ });
}

/** The table of the Execution view. */
export function executionTable(scope) {
  return scope.getByRole('table', { name: /Exécution/ });
}

/**
 * The row of `table` whose row header reads `label` (the whole text, or a
 * RegExp). (The inner locator is searched within each row, whatever its root.)
 */
export function rowOf(table, label) {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
}

/** The texts of the cells (td, not the row header) of the row of `table` whose header reads `label`. */
export async function rowCells(table, label) {
  return rowOf(table, label).getByRole('cell').allTextContents();
}

/** The row of the action numbered `number` in the table of actions. */
export function actionRow(scope, number) {
  return rowOf(actionsTable(scope), number);
}

/**
 * The amount of the row `label` (a funder, or 'Total') of the totals table,
 * once that table is shown (the Budget view must be the one open).
 */
export async function funderTotal(scope, label, caption = undefined) {
  const totals = totalsTable(scope, caption);
  await totals.waitFor();
  return (await rowCells(totals, label))[0];
}

/** The grand total of the totals table (its row « Total »), once that table is shown. */
export function grandTotal(scope, caption = undefined) {
  return funderTotal(scope, 'Total', caption);
}

// The Vienne 2024 annex.

/**
 * Pastes the Vienne 2024 annex into the paste area and waits until the status
 * gives its grand total, 1 775 650 €; `confirm` then confirms the reading
 * (« Valider la lecture »). Checks the grand total of the totals table too
 * (the Budget view must be the one open, as it is after `open`).
 */
export async function pasteVienne(scope, { confirm = false } = {}) {
  await scope.getByLabel(/Tableau à coller/).fill(fixture('vienne-2024-solidarites.tsv'));
  await scope.getByRole('status').filter({ hasText: VIENNE_TOTAL }).waitFor();
  if (confirm) await scope.getByRole('button', { name: 'Valider la lecture' }).click();
  assert.equal(await grandTotal(scope), VIENNE_TOTAL);
}

/**
 * Checks the totals table of the Vienne 2024 annex, once shown: État 558 633,
 * Département 681 524, total 1 775 650 (worked by hand in first-slice.test.mjs).
 */
export async function expectVienneFunderTotals(scope) {
  assert.equal(await funderTotal(scope, 'État'), eur('558 633,00'));
  assert.equal(await funderTotal(scope, 'Département'), eur('681 524,00'));
  assert.equal(await grandTotal(scope), VIENNE_TOTAL);
}

/** Drops a file named `name` (MIME `type`, content `bytes`) on the calculator, as a user drags it from their files. */
export async function dropFile(page, name, type, bytes) {
  await page.evaluate(
    ({ name, type, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const target = document.querySelector('.budget-widget');
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { name, type, base64: Buffer.from(bytes).toString('base64') },
  );
}
