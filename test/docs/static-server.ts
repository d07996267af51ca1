/** A tiny static file server for the built docs site: 127.0.0.1, a free port, GET/HEAD only,
 * never outside its folder. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** Which file answers `urlPath`: the file, `<dir>/index.html`, or `<path>.html` (clean URLs). */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  for (const candidate of [file, path.join(file, 'index.html'), `${file}.html`]) if (await isFile(candidate)) return candidate;
  return undefined;
}

/** Serves `root` at `base` (a site built with VitePress's `base` links every page under it). */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const folder = path.resolve(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const file = url.pathname.startsWith(base) ? await resolveFile(folder, url.pathname.slice(base.length - 1)) : undefined;
      const status = file === undefined ? 404 : 200;
      const served = file ?? path.join(folder, '404.html');
      const body = await readFile(served).catch(() => Buffer.from('not found'));
      response.writeHead(status, { 'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    })().catch(() => response.writeHead(500).end());
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
