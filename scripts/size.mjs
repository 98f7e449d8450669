// Prints the size of the release build (dist/): every .wasm, .js and .css file,
// raw and compressed with brotli (quality 11, as a web server serving
// precompressed files would). The first load is what the page loads at start;
// the spreadsheet worker (budget-sheets*) is loaded only when a user opens an
// .xlsx, .xls or .ods file, and is counted apart.
//
//   node scripts/size.mjs [DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
if (files.length === 0) {
  console.error(`no .wasm/.js/.css in ${dir}: build first (trunk build --release)`);
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
const lazy = (f) => f.startsWith('budget-sheets');
// Not part of the first load: embed.js is the same file as boot-<hash>.js
// under the name host pages include (script mount); sw.js is fetched by the
// browser once the page runs (service worker). Listed, not counted.
const apart = (f) => f === 'embed.js' || f === 'sw.js';
let raw = 0;
let br = 0;
let lazyRaw = 0;
let lazyBr = 0;
for (const f of files) {
  const data = readFileSync(join(dir, f));
  const size = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  if (apart(f)) {
    // counted nowhere
  } else if (lazy(f)) {
    lazyRaw += data.length;
    lazyBr += size;
  } else {
    raw += data.length;
    br += size;
  }
  console.log(`${f.padEnd(48)} ${kb(data.length)} raw ${kb(size)} brotli${apart(f) ? ' (not in the first load)' : ''}`);
}
if (lazyRaw > 0) console.log(`${'spreadsheet worker (on demand)'.padEnd(48)} ${kb(lazyRaw)} raw ${kb(lazyBr)} brotli`);
console.log(`${'first load (wasm + js + css)'.padEnd(48)} ${kb(raw)} raw ${kb(br)} brotli`);
