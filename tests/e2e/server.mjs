// A tiny static file server on 127.0.0.1 (random port) for the built app; no dependencies.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves `root`; `headers(urlPath)` may add response headers (e.g. a CSP); `cache` lets the browser keep
 *  files named by their contents (a chunk's second load, as a real server would). Resolves to {url, close}. */
export function serve(root, { headers = () => ({}), cache = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // The portal pages stand in for a host site, which has its own icon: no 404 in their console.
    if (urlPath === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    let file = path.join(base, urlPath);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': cache && /-[0-9a-f]{16}[._]/.test(urlPath) ? 'max-age=3600' : 'no-store',
        ...headers(urlPath),
      });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
