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
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/**
 * Waits until the widget has saved (it saves once the user pauses, a few
 * tenths of a second after the last change) a working copy holding `text`.
 */
export async function savedWith(page, text) {
  await page.waitForFunction(
    (t) => (localStorage.getItem('budget-widget:convention') ?? '').includes(t),
    text,
  );
}

/** The texts of the cells of the row of `table` whose header reads `label`. */
export async function rowCells(table, label) {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
  return row.getByRole('cell').allTextContents();
}
