/** hookcat's programmatic API: the same power as the CLI, for build scripts. */
export {
  loadCatalog,
  loadCatalogs,
  type FileDigest,
  type FolderDigests,
  type LoadOptions,
  type LoadResult,
  type LoadManyResult,
  type LoadStage,
} from './load.js';
export { createRunContext, type RunContext } from './run-context.js';
export { generate, UsageError, type GenerateOptions, type GenerateResult, type ProgressStep, type StageTiming } from './generate.js';
export { defineConfig, type HookcatConfig, type SiteConfig, type SiteText } from './config/define.js';
export type { Change, ChangeKind } from './write.js';
export {
  formatDiagnostics,
  formatDiagnosticsJson,
  hasErrors,
  sortDiagnostics,
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type DiagnosticCode,
  type FormatOptions,
  type Severity,
} from './diagnostics.js';
export { EMITTERS, EMITTER_NAMES, loadEmitters, type EmitterEntry } from './emit/index.js';
export type { Emitter, EmitOptions, OutputFile, TemplateSet } from './emit/emitter.js';
export type { OutputMemo } from './output-memo.js';
export type { DescriptionFormat, PageDescription } from './emit/description/index.js';
export type * from './model/types.js';
export { catalogSchema } from './catalog/schema-check.js';

import { generate, type GenerateOptions, type GenerateResult } from './generate.js';

/** `generate` with `check: true`: writes nothing, reports what is stale. */
export function check(options: Omit<GenerateOptions, 'check'> = {}): Promise<GenerateResult> {
  return generate({ ...options, check: true });
}
