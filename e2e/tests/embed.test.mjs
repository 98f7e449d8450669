// Embedding (README, "Intégration / Embedding"): the strict Content-Security-
// Policy, the iframe host page and the script-mount host page of examples/,
// both with hostile host CSS, both under the strict policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { STRICT_CSP } from '../serve.mjs';
import {
  eur,
  funderTotal,
  grandTotal,
  oneAction,
  open,
  pasteVienne,
  recordProblems,
  rowOf,
  start,
  totalsTable,
  vienneXlsx,
} from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const STYLE_PROPERTIES = [
  'display',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'vertical-align',
  'white-space',
  'box-sizing',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin-top',
  'margin-bottom',
  'border-top-width',
  'border-bottom-width',
  'border-bottom-style',
  'border-bottom-color',
  'border-top-left-radius',
  'cursor',
];

const computed = (locator, pseudo = null) =>
  locator.evaluate(
    (el, [props, pseudo]) => {
      const style = getComputedStyle(el, pseudo);
      return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    },
    [STYLE_PROPERTIES.concat(pseudo ? ['content'] : []), pseudo],
  );

/**
 * The look of the widget's parts once the Vienne annex is pasted: a heading,
 * the label and the paste area, a button, and in the totals table the header,
 * a row header and an amount cell.
 */
async function widgetLook(scope) {
  const totals = totalsTable(scope);
  const totalRow = rowOf(totals, 'Total');
  return {
    h2: await computed(scope.getByRole('heading', { level: 2, name: 'Tableau des actions' })),
    textarea: await computed(scope.getByLabel(/Tableau à coller/)),
    button: await computed(scope.getByRole('button', { name: 'Effacer' })),
    columnHeader: await computed(totals.getByRole('columnheader').first()),
    rowHeader: await computed(totalRow.getByRole('rowheader')),
    amountCell: await computed(totalRow.getByRole('cell').first()),
  };
}

/** The look of the host page's own elements (examples/host.css). */
async function hostLook(page) {
  return {
    h1: await computed(page.getByRole('heading', { level: 1, name: /page hôte/ })),
    intro: await computed(page.getByText('Le calculateur ci-dessous', { exact: false })),
    cell: await computed(page.getByRole('cell', { name: 'Cellule de la page hôte' })),
    item: await computed(page.getByRole('listitem').filter({ hasText: 'Élément de liste' }), '::before'),
    body: await computed(page.locator('body')),
  };
}

test('the release build runs under the strict Content-Security-Policy, which is enforced', async () => {
  const context = await env.browser.newContext();
  const page = recordProblems(await context.newPage());
  const response = await page.goto(env.url);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The page has no inline script: every script is a file of the build.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')));
  assert.ok(scripts.length >= 1 && scripts.every((src) => /^\.\/boot-[0-9a-f]{16}\.js$/.test(src ?? '')), scripts.join());
  // The widget works: a paste gives its figures.
  await pasteVienne(page);
  assert.deepEqual(page.problems, []);

  // The policy is enforced (so the other tests, which find no violation, mean
  // something): an inline script, a style attribute and eval are refused. The
  // probe is a script of the page's own origin (script-src 'self' lets it run).
  await context.route('**/csp-probe.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
        const div = document.createElement('div');
        div.id = 'csp-probe';
        div.setAttribute('style', 'color: rgb(1, 2, 3)');
        document.body.append(div);
        let evalRan = false;
        try { evalRan = eval('true'); } catch { evalRan = false; }
        let functionRan = false;
        try { functionRan = new Function('return true')(); } catch { functionRan = false; }
        setTimeout(() => {
          window.__probe = { inline: window.__inlineRan ?? false, evalRan, functionRan, violations,
            color: getComputedStyle(div).color };
        }, 200);`,
    }),
  );
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.src = 'csp-probe.js';
    document.head.append(s);
  });
  await page.waitForFunction(() => window.__probe);
  const probe = await page.evaluate(() => window.__probe);
  await page.waitForTimeout(200);
  // Provoked on purpose: out of the file's list (and of this page's problems).
  env.cspViolations.splice(0);
  assert.equal(probe.inline, false);
  assert.notEqual(probe.color, 'rgb(1, 2, 3)');
  assert.equal(probe.evalRan, false);
  assert.equal(probe.functionRan, false);
  assert.deepEqual([...new Set(probe.violations)].sort(), ['script-src', 'script-src-elem', 'style-src-attr']);
  await context.close();
});

test('iframe: the host page sizes the frame to the widget, which works in its sandbox', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = recordProblems(await context.newPage());
  await page.goto(`${env.url}examples/iframe.html`);
  const frameElement = page.getByTitle('Calculateur budgétaire de convention');
  const widget = frameElement.contentFrame();
  await widget.getByRole('heading', { level: 1 }).waitFor();
  const frame = async () => (await frameElement.elementHandle()).contentFrame();
  const contentHeight = async () =>
    (await frame()).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const frameHeight = () => frameElement.evaluate((f) => f.getBoundingClientRect().height);
  // The frame follows the content (the host's stylesheet says 600px until the
  // widget has told its height).
  const follows = async () => {
    for (let i = 0; i < 50; i++) {
      const [c, f] = [await contentHeight(), await frameHeight()];
      if (Math.abs(c - f) <= 1) return f;
      await page.waitForTimeout(100);
    }
    assert.fail(`the frame (${await frameHeight()} px) does not follow its content (${await contentHeight()} px)`);
  };
  const empty = await follows();
  assert.notEqual(empty, 600);

  await pasteVienne(widget);
  const full = await follows();
  assert.ok(full > empty + 500, `taller with the results: ${empty} → ${full}`);
  // No scroll bar inside the frame: the whole widget is visible in the page.
  assert.equal(await (await frame()).evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), true);

  // allow-downloads: the CSV export downloads from inside the sandbox.
  const download = page.waitForEvent('download');
  await widget.getByRole('button', { name: /Exporter pour Excel/ }).click();
  assert.match((await download).suggestedFilename(), /\.csv$/);

  // allow-same-origin: the storage works; after a reload the convention is there.
  await page.reload();
  await widget.getByRole('status').filter({ hasText: eur('1 775 650,00') }).waitFor();

  // Ctrl+V in the frame (outside a field) imports the clipboard.
  await widget.getByRole('button', { name: 'Effacer' }).click();
  await widget.getByText(/Aucun tableau pour l’instant/).waitFor();
  const shrunk = await follows();
  assert.ok(shrunk < full - 500, `shorter again: ${full} → ${shrunk}`);
  await page.evaluate((text) => navigator.clipboard.writeText(text), oneAction(10, 20));
  await widget.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+V');
  await widget.getByRole('status').filter({ hasText: eur('30,00') }).waitFor();

  // The host's own elements keep the host's look.
  assert.equal((await computed(page.getByRole('cell', { name: 'Cellule de la page hôte' }))).color, 'rgb(255, 0, 0)');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('script mount: the widget mounts in the host page with its options, looking as on its own page', async () => {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });

  // The host page without the widget (its script refused): the host's look.
  const bare = await context.newPage();
  await bare.route('**/embed.js', (route) => route.abort());
  await bare.goto(`${env.url}examples/script-mount.html`);
  const hostAlone = await hostLook(bare);
  await bare.close();

  // The widget on its own page, for its look.
  const own = await open(env);
  await pasteVienne(own);
  const ownLook = await widgetLook(own);
  await own.context().close();

  const page = recordProblems(await context.newPage());
  await page.goto(`${env.url}examples/script-mount.html`);
  // data-title: the heading; data-convention: the example convention, loaded
  // because this browser holds none: État 12 000 + 5 500,50 = 17 500,50,
  // Département 8 000 + 4 499,50 = 12 499,50, total 30 000.
  await page.getByRole('heading', { level: 1, name: 'Simulateur de la convention d’exemple' }).waitFor();
  assert.equal(await funderTotal(page, 'État'), eur('17 500,50'));
  assert.equal(await funderTotal(page, 'Département'), eur('12 499,50'));
  assert.equal(await grandTotal(page), eur('30 000,00'));

  // A paste elsewhere in the host page is the host's, not the widget's.
  await page.evaluate((text) => navigator.clipboard.writeText(text), oneAction(10, 20));
  await page.getByText('Texte de la page hôte après le calculateur.').click();
  await page.keyboard.press('Control+V');
  await page.waitForTimeout(300);
  assert.equal(await grandTotal(page), eur('30 000,00'));
  // In the widget (its heading clicked), Ctrl+V imports: 10 + 20 = 30.
  await page.getByRole('heading', { level: 1, name: 'Simulateur de la convention d’exemple' }).click();
  await page.keyboard.press('Control+V');
  await page.getByRole('status').filter({ hasText: eur('30,00') }).waitFor();

  // The Vienne annex pasted into the widget gives its figures.
  await pasteVienne(page);

  // The widget looks the same as on its own page despite the host's CSS
  // (`table, td, th, button { all: unset; color: red; font-size: 30px }`,
  // `label { display: none }`, body in 30px uppercase Georgia…).
  assert.deepEqual(await widgetLook(page), ownLook);
  assert.equal(ownLook.amountCell.display, 'table-cell');
  assert.notEqual(ownLook.amountCell.color, 'rgb(255, 0, 0)');
  // … and the host's own elements look as they do without the widget.
  assert.deepEqual(await hostLook(page), hostAlone);
  assert.equal(hostAlone.cell.color, 'rgb(255, 0, 0)');
  assert.equal(hostAlone.cell.display, 'inline');

  // The spreadsheet worker is found next to embed.js, not next to the host page.
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.getByLabel('Ouvrir un fichier').setInputFiles(vienneXlsx);
  await page.getByRole('region', { name: 'Lecture du tableau' }).waitFor();
  assert.equal(await grandTotal(page), eur('1 775 650,00'));
  // Found next to embed.js, under the name the build gave it.
  assert.ok(
    loaded.some((p) => /^\/budget-sheets-[0-9a-f]{16}_loader\.js$/.test(p)),
    loaded.join('\n'),
  );
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('script mount: data-lang, and a convention from another site is refused', async () => {
  const context = await env.browser.newContext();
  const page = recordProblems(await context.newPage());
  // A host page written by the test, served from the widget's origin.
  await page.route('**/examples/test-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': STRICT_CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
        <div data-budget-widget data-lang="en" data-convention="https://example.org/convention.json"></div>
        <script type="module" src="../embed.js"></script></body></html>`,
    }),
  );
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${env.url}examples/test-host.html`);
  // English from the start; no data-title: the calculator's own heading.
  await page.getByRole('heading', { level: 1, name: 'Convention budget calculator' }).waitFor();
  // Refused in the widget's language.
  await page
    .getByRole('alert')
    .filter({ hasText: 'https://example.org/convention.json: address refused (only a convention from the same site can be loaded)' })
    .waitFor();
  assert.ok(!requests.some((u) => u.includes('example.org')), 'nothing asked of another site');
  await page.getByLabel(/Table to paste/).fill(oneAction(100, 50));
  // 100 + 50 = 150.
  assert.equal(await grandTotal(page, 'Totals per funder'), '€150.00');
  // English colon, one action.
  assert.equal(await page.getByRole('status').textContent(), 'Computed grand total: €150.00 (1\u00a0action)');
  assert.deepEqual(page.problems, []);
  await context.close();
});
