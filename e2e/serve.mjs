// A small static server for the release build (dist/), on 127.0.0.1 only.
// Used by `scripts/serve.sh` (the main job) and by the end-to-end tests.
//
//   node e2e/serve.mjs [DIR] [PORT]   (PORT 0 picks a free port)
//
// Prints "http://127.0.0.1:PORT/" on its first line of output once listening.
//
// Every response carries the strict Content-Security-Policy the widget must run
// under (STRICT_CSP), so that every end-to-end test runs under it. The example
// host pages of examples/ are served under /examples/ (next to the widget, as a
// département's site would hold both).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The policy of the release build (README, "Intégration / Embedding"). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

/**
 * Starts a server for `dir` on `port` (0 = any free port); resolves to its base
 * URL and a close function. `headers` are added to every response (a `null`
 * value removes a default header: `{ 'content-security-policy': null }`).
 * `examples` is the folder served under /examples/ (null: none).
 */
export async function serve(dir, port = 0, headers = {}, { examples = EXAMPLES } = {}) {
  const root = resolve(dir);
  const sent = Object.fromEntries(
    Object.entries({ 'content-security-policy': STRICT_CSP, ...headers }).filter(([, v]) => v != null),
  );
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let base = root;
      let pathname = decodeURIComponent(url.pathname);
      if (examples && pathname.startsWith('/examples/')) {
        base = resolve(examples);
        pathname = pathname.slice('/examples'.length);
      }
      let path = normalize(join(base, pathname));
      if (path !== base && !path.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(path).catch(() => null);
      if (info?.isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...sent,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: actual } = server.address();
  return { url: `http://127.0.0.1:${actual}/`, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await serve(dir, port);
  console.log(url);
  console.log(`examples: ${url}examples/iframe.html ${url}examples/script-mount.html`);
}
