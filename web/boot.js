// Starts the budget widget. scripts/postbuild.mjs writes it into dist/ twice,
// the placeholders replaced by the build's hashed file names:
//   - boot-<hash>.js, loaded by dist/index.html (the page of its own, or the
//     iframe): <script type="module" src="./boot-<hash>.js">;
//   - embed.js, the stable name a host page includes for the script mount.
// It is a file, never an inline script: the page runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
import init from './__WIDGET_JS__';

const here = new URL('./', import.meta.url);
// Where the widget's other files are (the spreadsheet worker): read by
// src/embed.rs (asset_url), so that a host page at another address finds them.
globalThis.budgetWidgetBase = here.href;
// The spreadsheet worker's script, named after its content by the build.
globalThis.budgetWidgetSheets = '__SHEETS_WORKER__';

const mounts = [...document.querySelectorAll('div[data-budget-widget]')];

// Our stylesheets, in order (the reset first). The page links them; a host page
// (script mount) need not: they are added at the end of its <head>, after the
// host's own sheets, and the widget starts once they are loaded.
const STYLESHEETS = __STYLESHEETS__;

function addStylesheets() {
  const present = new Set([...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.href));
  const loads = [];
  for (const { name, integrity } of STYLESHEETS) {
    const href = new URL(name, here).href;
    if (present.has(href)) continue;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    if (integrity) link.integrity = integrity;
    loads.push(
      new Promise((resolve) => {
        link.addEventListener('load', resolve, { once: true });
        link.addEventListener('error', resolve, { once: true });
      }),
    );
    document.head.append(link);
  }
  return Promise.all(loads);
}

// In an iframe (and only there), the page tells its parent how tall it is, so
// that the host can size the frame to the content (examples/iframe-host.js).
// The height is not a secret: it is posted to any parent ('*').
function reportHeight() {
  if (window.parent === window || mounts.length > 0 || typeof ResizeObserver !== 'function') return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'budget-widget:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

// Offline: the service worker (sw.js, next to this file) caches the whole
// widget. Registered over http(s) only, for the page of its own or the iframe;
// in a script mount only when the host asks for it (data-offline="true" on a
// mount point), since it then works for pages under the widget's folder.
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (mounts.length > 0 && !mounts.some((m) => m.dataset.offline === 'true')) return;
  navigator.serviceWorker.register(new URL('sw.js', here)).catch((error) => {
    // Sandboxed iframe without allow-same-origin, storage blocked…: the widget
    // works, only not offline.
    console.warn('budget-widget: no offline copy', error);
  });
}

await addStylesheets();
await init({ module_or_path: new URL('./__WIDGET_WASM__', here) });
reportHeight();
registerServiceWorker();
