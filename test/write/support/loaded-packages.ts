/**
 * Run in a process of its own (`node --import tsx loaded-packages.ts '<options as JSON>'`): one
 * `generate`, then prints which packages Node loaded through its CommonJS loader (ts-morph,
 * handlebars, ajv, yaml...), to show what a run pays for.
 */
import { createRequire } from 'node:module';
import { generate, type GenerateOptions } from '../../../src/generate.js';

const options = JSON.parse(process.argv[2] ?? '{}') as GenerateOptions;
const result = await generate(options);
const loaded = Object.keys(createRequire(import.meta.url).cache);
const packages = new Set(loaded.map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]).filter((name) => name !== undefined));
process.stdout.write(JSON.stringify({ ok: result.ok, stages: result.timings.map((t) => t.stage), packages: [...packages].sort() }));
