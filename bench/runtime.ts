/**
 * Receiver throughput: `verify` + `parse` of the generated runtime on one delivery of about
 * 1 KB (shop's `order.created` example, signed with the shop's scheme), one after another on
 * the main thread, next to `JSON.parse` + a validator compiled by ajv at run time from the
 * published JSON Schemas (the set-up a receiver needs without the runtime), measured in the
 * same run. Run with `npm run bench:runtime` (pinned to one core with taskset).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { deliveryBody } from '../src/emit/delivery-example.js';
import { runtimeOf, runtimeWithoutNodeCrypto, seedCatalog, type Runtime } from '../test/emit/runtime/runtime-at.js';

const addFormats = addFormatsModule.default;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ROUNDS = 7;

interface Rate {
  /** Deliveries per second of elapsed time. */
  readonly wall: number;
  /** Deliveries per second of CPU time of this process (all its threads): what one core does when
   * the machine is shared, as the 2-core machine here usually is. */
  readonly cpu: number;
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Deliveries per second of `work`, the medians of `ROUNDS` rounds of `count` calls, after a warm-up. */
async function perSecond(count: number, work: () => unknown): Promise<Rate> {
  for (let i = 0; i < count / 5; i++) await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let i = 0; i < count; i++) await work();
    const used = process.cpuUsage(cpuStarted);
    wall.push(count / ((performance.now() - started) / 1000));
    cpu.push(count / ((used.user + used.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** A validator of the event compiled by ajv from the published schemas of `generated/shop/schemas`. */
async function publishedValidator(key: string): Promise<(data: unknown) => boolean> {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const folder = 'generated/shop/schemas';
  for (const file of await readdir(folder, { recursive: true })) {
    if (file.endsWith('.schema.json') && !file.startsWith('bundle')) ajv.addSchema(JSON.parse(await readFile(path.join(folder, file), 'utf8')));
  }
  const event = JSON.parse(await readFile(path.join(folder, 'events', `${key}.schema.json`), 'utf8')) as { $id: string };
  const validate = ajv.getSchema(event.$id);
  if (validate === undefined) throw new Error(`no schema ${event.$id}`);
  return (data) => validate(data) as boolean;
}

async function main(): Promise<void> {
  const shop = await seedCatalog('shop');
  const event = shop.events.find((e) => e.key === 'order.created')!;
  const text = JSON.stringify(deliveryBody(shop, event, event.examples[0]!));
  const bytes = new TextEncoder().encode(text);
  const runtimes: [string, Runtime][] = [
    ['node:crypto', await runtimeOf(shop)],
    ['Web Crypto', await runtimeWithoutNodeCrypto(shop)],
  ];
  const headers = await runtimes[0]![1].sign(text, SECRET);
  const validate = await publishedValidator(event.key);
  const count = 20_000;
  const rows: [string, Rate][] = [];
  for (const [name, runtime] of runtimes) {
    rows.push([
      `verify + parse (generated runtime, ${name})`,
      await perSecond(count, async () => {
        await runtime.verify(bytes, headers, SECRET);
        return runtime.parse(bytes, headers);
      }),
    ]);
  }
  rows.push(['parse alone (generated runtime: JSON.parse + standalone validator)', await perSecond(count, () => runtimes[0]![1].parse(bytes))]);
  rows.push([
    'JSON.parse + ajv validator compiled at run time',
    await perSecond(count, () => {
      if (!validate(JSON.parse(new TextDecoder().decode(bytes)))) throw new Error('invalid');
    }),
  ]);
  console.log(`delivery: ${bytes.length} bytes (shop order.created), scheme ${shop.envelope.signature?.kind}; median of ${ROUNDS} rounds of ${count}`);
  const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ')[0];
  console.log(`load average at the end: ${load}`);
  console.log('| measure | deliveries / s of CPU time | deliveries / s elapsed |\n| --- | ---: | ---: |');
  const n = (value: number): string => Math.round(value).toLocaleString('en');
  for (const [name, rate] of rows) console.log(`| ${name} | ${n(rate.cpu)} | ${n(rate.wall)} |`);
}

await main();
