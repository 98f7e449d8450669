// Shared set-up of the end-to-end tests: the release build (dist/) served on
// 127.0.0.1 and Debian's Chromium driven by playwright-core (no downloaded browser).
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

/** French amount as the widget shows it: U+202F between thousands, U+00A0 before €. */
export function eur(text) {
  return `${text.replaceAll(' ', '\u202f')}\u00a0€`;
}

/** Starts the server and the browser; returns { url, browser, close }. */
export async function start() {
  const server = await serve(join(root, 'dist'));
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
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens the widget in a new page and records every console error and uncaught
 * exception in `page.problems`.
 */
export async function open(env, options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(env.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The texts of the cells of the row of `table` whose header reads `label`. */
export async function rowCells(table, label) {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
  return row.getByRole('cell').allTextContents();
}
