/**
 * Run in a process of its own (`node --import tsx loaded-packages.ts '<options as JSON>'`): one
 * `generate` (or, given `cli <argv...>`, one run of the CLI as `hookcat <argv...>`, with the list
 * on a last line of its own after `LOADED `), then prints every module it loaded, as the hookcat sources (`src/...`) and the
 * packages (`ts-morph`, `handlebars`, `remark`...): ES modules as a module hook saw them load,
 * CommonJS ones from the require cache. It shows what a run pays for.
 */
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

/** Posts the URL of every module loaded from now on (the hook runs on Node's loader thread). */
const HOOK = `let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }`;

const { port1, port2 } = new MessageChannel();
const urls: string[] = [];
register(`data:text/javascript,${encodeURIComponent(HOOK)}`, { data: { port: port2 }, transferList: [port2] });
port1.on('message', (url: string) => urls.push(url));

const cli = process.argv[2] === 'cli';
const result = cli
  ? { ok: (await (await import('../../../src/cli.js')).main(process.argv.slice(3))) === 0, timings: [] }
  : await (await import('../../../src/generate.js')).generate(JSON.parse(process.argv[2] ?? '{}'));
// Messages arrive in the order sent: once this module's own load is seen, every earlier one is in.
const END = 'data:text/javascript,export{}//end';
const ended = new Promise<void>((resolve) => port1.on('message', (url: string) => url === END && resolve()));
await import(END);
await ended;
port1.close();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const files = [...urls.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url)), ...Object.keys(createRequire(import.meta.url).cache)];
const sources = new Set(files.filter((f) => f.startsWith(path.join(root, 'src'))).map((f) => path.relative(root, f).split(path.sep).join('/')));
const packages = new Set(files.map((f) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1]).filter((name) => name !== undefined));
process.stdout.write(
  (cli ? '\nLOADED ' : '') +
    JSON.stringify({ ok: result.ok, stages: result.timings.map((t) => t.stage), sources: [...sources].sort(), packages: [...packages].sort() }),
);
