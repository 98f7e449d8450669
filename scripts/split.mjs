// Cuts the widget's WebAssembly module into a first-load module and chunks
// loaded on demand (called by scripts/postbuild.mjs after every Trunk build).
//
// What a first visit does not need to paint the page (src/chunks/: the
// workbench — table reader, figures, table, tabs and the views computing from
// the same figures —, the tranches, years and scenarios views, the exports, the
// JSON reader) are split points when the crate is built with its `split`
// feature (index.html asks Trunk for it). Trunk cannot split, so this script starts again from the
// module Cargo linked (with its relocations: `--emit-relocs`, .cargo/config.toml):
//   1. wasm-split-cli (crates.io `wasm_split_cli_support`, installed by
//      scripts/setup.sh) writes the main module, one module per chunk and
//      __wasm_split.js, which fetches a chunk when its code is first called;
//   2. wasm-bindgen writes the main module's JavaScript, as Trunk does;
//   3. wasm-opt -Oz (release) shrinks every module, as Trunk does;
//   4. the files go into a folder named after a hash of their contents,
//      w-<hash>/, that replaces Trunk's widget files: a browser never mixes a
//      chunk of one build with the main module of another (each chunk calls
//      into the main module by position).
// Returns the widget's script and module paths relative to the staging folder.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });

/** Where Cargo put the linked module of the widget for this profile. */
function linkedModule(root, profile) {
  const metadata = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: root }));
  return join(metadata.target_directory, 'wasm32-unknown-unknown', profile, 'budget-widget.wasm');
}

export function splitWidget({ root, dist, widgetJs, widgetWasm, profile, fail }) {
  const js = readFileSync(join(dist, widgetJs), 'utf8');
  if (!js.includes('__wasm_split_placeholder__')) return null; // built without `split`
  const input = linkedModule(root, profile);
  const work = mkdtempSync(join(tmpdir(), 'budget-split-'));
  try {
    const parts = join(work, 'parts');
    const out = join(work, 'out');
    mkdirSync(out);
    run('wasm-split-cli', [input, parts, '--out-name', 'budget-widget', '--target', 'web']);
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', out, '--out-name', 'budget-widget', join(parts, 'budget-widget.wasm'),
    ]);
    for (const f of readdirSync(parts).filter((f) => f !== 'budget-widget.wasm'))
      writeFileSync(join(out, f), readFileSync(join(parts, f)));
    const bindgenJs = readFileSync(join(out, 'budget-widget.js'), 'utf8');
    if (bindgenJs.includes('__wasm_split_placeholder__')) fail('split: a placeholder import is left in the main module');
    const modules = readdirSync(out).filter((f) => f.endsWith('.wasm'));
    if (profile === 'release') {
      for (const f of modules) {
        const path = join(out, f);
        // (Its warnings on the linker's name subsections are dropped.)
        // BW_KEEP_NAMES=1 keeps the function names (profiling only).
        const strip = process.env.BW_KEEP_NAMES === '1' ? ['-g'] : ['--strip-debug', '--strip-producers'];
        run('wasm-opt', ['-Oz', ...strip, path, '-o', path], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      }
    }
    const files = readdirSync(out).sort();
    const hash = createHash('sha256');
    for (const f of files) hash.update(f).update('\0').update(readFileSync(join(out, f))).update('\0');
    const folder = `w-${hash.digest('hex').slice(0, 16)}`;
    for (const old of readdirSync(dist).filter((f) => /^w-[0-9a-f]{16}$/.test(f))) rmSync(join(dist, old), { recursive: true });
    renameSync(out, join(dist, folder));
    rmSync(join(dist, widgetJs));
    rmSync(join(dist, widgetWasm));
    const chunks = modules.filter((f) => f !== 'budget-widget_bg.wasm').length;
    console.log(`split: ${folder}/ (main module and ${chunks} chunks)`);
    return { widgetJs: `${folder}/budget-widget.js`, widgetWasm: `${folder}/budget-widget_bg.wasm` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
