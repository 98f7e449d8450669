// After `trunk build`: makes dist/ run under a strict Content-Security-Policy
// and work offline. Trunk runs it on every build as a post_build hook
// (Trunk.toml), on its staging folder ($TRUNK_STAGING_DIR), so every build path
// (scripts/build.sh, serve.sh, test.sh, a bare `trunk build`) goes through it;
// it fails the build if the folder is not what it expects.
//
//   node scripts/postbuild.mjs [DIR]   (by hand: DIR is a fresh `trunk build`
//                                       output; default $TRUNK_STAGING_DIR, dist)
//
// 1. Trunk 0.21 starts the app with an inline <script type="module"> (it has no
//    option to write it as a file: trunk-rs/trunk#288). CSP `script-src 'self'`
//    blocks inline scripts, so it is replaced by web/boot.js written as
//    boot-<hash>.js (referenced by <script type="module" src integrity>) and as
//    embed.js (the stable name host pages include for the script mount).
// 2. The page's own addresses become relative ("/x.js" → "./x.js"): dist/ can
//    be served from any folder of a département's site.
// 3. web/sw.js is written as sw.js, with the list of every file of dist/ and a
//    version that is a hash of their names and contents: a new build is a new
//    version, a rebuild of the same sources is the same one.
// 0. (first) The spreadsheet worker's three files, which Trunk leaves
//    unhashed (budget-sheets.js, _bg.wasm, _loader.js), are renamed after a
//    hash of their content (budget-sheets-<hash>…), and the boot script gives
//    the loader's name to the widget: a browser's cache never mixes a new
//    widget with an old worker.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitWidget } from './split.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(root, 'dist');

const fail = (message) => {
  console.error(`postbuild: ${message}`);
  process.exit(1);
};
const sha = (algorithm, data) => createHash(algorithm).update(data).digest();
const sri = (data) => `sha384-${sha('sha384', data).toString('base64')}`;

// ---- 0. the spreadsheet worker, named after its content -------------------
const worker = { js: 'budget-sheets.js', wasm: 'budget-sheets_bg.wasm', loader: 'budget-sheets_loader.js' };
for (const f of Object.values(worker)) {
  try {
    statSync(join(dist, f));
  } catch {
    fail(`${f} missing (already processed? run trunk build first)`);
  }
}
const workerJs = readFileSync(join(dist, worker.js));
const workerWasm = readFileSync(join(dist, worker.wasm));
const workerHash = createHash('sha256').update(workerJs).update('\0').update(workerWasm).digest('hex').slice(0, 16);
const hashed = {
  js: `budget-sheets-${workerHash}.js`,
  wasm: `budget-sheets-${workerHash}_bg.wasm`,
  loader: `budget-sheets-${workerHash}_loader.js`,
};
const loaderText = readFileSync(join(dist, worker.loader), 'utf8');
const expectedLoader = `importScripts("./${worker.js}");wasm_bindgen("./${worker.wasm}");`;
if (loaderText.trim() !== expectedLoader) fail(`unexpected worker loader:\n${loaderText}`);
for (const old of readdirSync(dist).filter((f) => /^budget-sheets-[0-9a-f]{16}(\.js|_bg\.wasm|_loader\.js)$/.test(f)))
  unlinkSync(join(dist, old));
writeFileSync(join(dist, hashed.js), workerJs);
writeFileSync(join(dist, hashed.wasm), workerWasm);
writeFileSync(join(dist, hashed.loader), `importScripts("./${hashed.js}");wasm_bindgen("./${hashed.wasm}");`);
for (const f of Object.values(worker)) unlinkSync(join(dist, f));

// ---- 1. the loader -------------------------------------------------------
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) fail(`${indexPath}: no inline module loader (already processed? run trunk build first)`);
let widgetJs = inline[1].match(/from '\/?([^'/]+\.js)'/)?.[1];
let widgetWasm = inline[1].match(/module_or_path: '\/?([^'/]+\.wasm)'/)?.[1];
if (!widgetJs || !widgetWasm) fail(`unexpected Trunk loader:\n${inline[1]}`);

// ---- 1a. the widget cut into a first load and chunks (scripts/split.mjs) ----
const split = splitWidget({ root, dist, widgetJs, widgetWasm, profile: process.env.TRUNK_PROFILE ?? 'release', fail });
if (split) {
  // Trunk's preload links name its (removed) files: they follow the new ones.
  for (const [before, after] of [[widgetJs, split.widgetJs], [widgetWasm, split.widgetWasm]]) {
    const link = new RegExp(`(<link[^>]*href=")/?${before.replace(/[.]/g, '\\.')}("[^>]*>)`);
    if (!link.test(html)) fail(`no preload link for ${before}`);
    html = html.replace(link, (tag, start, end) =>
      `${start}/${after}${end}`.replace(/integrity="[^"]*"/, `integrity="${sri(readFileSync(join(dist, after)))}"`),
    );
  }
  widgetJs = split.widgetJs;
  widgetWasm = split.widgetWasm;
}
// `trunk serve` adds its inline autoreload script: left alone (that page does
// not run under the strict CSP); a release build has none.
const devServer = /<script(?![^>]*\bsrc=)[^>]*>/.test(html.replace(inline[0], ''));
if (devServer) console.warn('postbuild: inline script other than the loader left as is (trunk serve autoreload?)');

// Our stylesheets, in the page's order (the embed reset before main.css).
const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="\/?([^"]+\.css)"(?: integrity="([^"]+)")?/g)].map(
  ([, name, integrity]) => ({ name, integrity: integrity ?? null }),
);
if (stylesheets.length === 0) fail('no stylesheet in index.html');

const boot = readFileSync(join(root, 'web', 'boot.js'), 'utf8')
  .replaceAll('__WIDGET_JS__', widgetJs)
  .replaceAll('__WIDGET_WASM__', widgetWasm)
  .replaceAll('__STYLESHEETS__', JSON.stringify(stylesheets))
  .replaceAll('__SHEETS_WORKER__', hashed.loader);
if (/__[A-Z_]+__/.test(boot)) fail('a placeholder of web/boot.js was left');
for (const old of readdirSync(dist).filter((f) => /^boot-[0-9a-f]+\.js$/.test(f))) unlinkSync(join(dist, old));
const bootName = `boot-${sha('sha256', boot).toString('hex').slice(0, 16)}.js`;
writeFileSync(join(dist, bootName), boot);
writeFileSync(join(dist, 'embed.js'), boot);

html = html.replace(inline[0], `<script type="module" src="./${bootName}" integrity="${sri(boot)}"></script>`);
// ---- 2. relative addresses -------------------------------------------------
html = html.replace(/\b(href|src)="\/(?!\/)/g, '$1="./');
// Nothing CSP would block: no inline script, no style attribute or element, no
// inline event handler.
if (!devServer && /<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('an inline script is left in index.html');
if (/<style\b|\sstyle="|\son[a-z]+="/i.test(html)) fail('inline style or event handler in index.html');
writeFileSync(indexPath, html);

// ---- 3. the service worker ---------------------------------------------------
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dist, path).split(sep).join('/'));
  }
})(dist);
const cached = files.filter((f) => f !== 'sw.js');
const version = createHash('sha256');
for (const f of cached) version.update(f).update('\0').update(readFileSync(join(dist, f))).update('\0');
const versionHex = version.digest('hex').slice(0, 16);
const sw = readFileSync(join(root, 'web', 'sw.js'), 'utf8')
  .replaceAll('__VERSION__', versionHex)
  .replaceAll('__FILES__', JSON.stringify(cached));
if (/__[A-Z_]+__/.test(sw)) fail('a placeholder of web/sw.js was left');
writeFileSync(join(dist, 'sw.js'), sw);

console.log(`postbuild: ${bootName} (+ embed.js), sw.js version ${versionHex}, ${cached.length} files cached offline`);
