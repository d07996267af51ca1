/** hookcat's own package.json (beside `src/` and `dist/`): its version and the VitePress range it supports. */
import { readFileSync } from 'node:fs';

export interface PackageInfo {
  readonly version: string;
  /** The range of VitePress the docs site works with (an optional peer dependency). */
  readonly vitepress: string;
}

/** Reads hookcat's package.json. */
export function packageInfo(): PackageInfo {
  const data = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
    peerDependencies?: { vitepress?: string };
  };
  return { version: data.version, vitepress: data.peerDependencies?.vitepress ?? 'latest' };
}
