/** The registry of output formats. Adding a format = one emitter file + one line here. */
import type { Emitter } from './emitter.js';
import { jsonSchemaEmitter } from './json-schema.js';
import { markdownEmitter } from './markdown.js';
import { openApiEmitter } from './openapi.js';
import { typescriptEmitter } from './typescript.js';

export const EMITTERS: readonly Emitter[] = [typescriptEmitter, jsonSchemaEmitter, openApiEmitter, markdownEmitter];

export const EMITTER_NAMES: readonly string[] = EMITTERS.map((e) => e.name);
