// Prints the size of the release build (dist/): every .wasm, .js and .css file,
// raw and compressed with brotli (quality 11, as a web server serving
// precompressed files would). The first load is what the page loads at start;
// the spreadsheet worker (budget-sheets*) is loaded only when a user opens an
// .xlsx, .xls or .ods file, and is counted apart; so are the views' chunks
// (w-<hash>/split_*.wasm and chunk_*.wasm: scripts/split.mjs), fetched when a
// view is first opened or in the background once the widget has started.
//
//   node scripts/size.mjs [DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir, { recursive: true })
  .filter((f) => /\.(wasm|js|css)$/.test(f))
  .map((f) => f.split('\\').join('/'))
  .sort();
if (files.length === 0) {
  console.error(`no .wasm/.js/.css in ${dir}: build first (trunk build --release)`);
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
const lazy = (f) => f.startsWith('budget-sheets');
const chunk = (f) => /(^|\/)(split_[a-z_]+|chunk_\d+)\.wasm$/.test(f);
// Not part of the first load: embed.js is the same file as boot-<hash>.js
// under the name host pages include (script mount); sw.js is fetched by the
// browser once the page runs (service worker). Listed, not counted.
const apart = (f) => f === 'embed.js' || f === 'sw.js';
let raw = 0;
let br = 0;
let lazyRaw = 0;
let lazyBr = 0;
let chunkRaw = 0;
let chunkBr = 0;
for (const f of files) {
  const data = readFileSync(join(dir, f));
  const size = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  if (apart(f)) {
    // counted nowhere
  } else if (chunk(f)) {
    chunkRaw += data.length;
    chunkBr += size;
    continue; // one line for all of them
  } else if (lazy(f)) {
    lazyRaw += data.length;
    lazyBr += size;
  } else {
    raw += data.length;
    br += size;
  }
  console.log(`${f.padEnd(48)} ${kb(data.length)} raw ${kb(size)} brotli${apart(f) ? ' (not in the first load)' : ''}`);
}
if (chunkRaw > 0) console.log(`${'views\' chunks (on demand, then in the background)'.padEnd(48)} ${kb(chunkRaw)} raw ${kb(chunkBr)} brotli`);
if (lazyRaw > 0) console.log(`${'spreadsheet worker (on demand)'.padEnd(48)} ${kb(lazyRaw)} raw ${kb(lazyBr)} brotli`);
console.log(`${'first load (wasm + js + css)'.padEnd(48)} ${kb(raw)} raw ${kb(br)} brotli`);
