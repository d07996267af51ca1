/** `catalog.package` -> the `PackageInfo` model. */
import type { RawMetadata } from '../catalog/source.js';
import type { PackageInfo } from './types.js';

/** The package made of the catalog: as declared, else `<id>-webhooks` at the catalog's version (completed to semver). */
export function packageInfo(m: RawMetadata): PackageInfo {
  const numbers = /^[0-9]+(\.[0-9]+){0,2}$/.test(m.version) ? m.version.split('.') : ['0', '0', '0'];
  while (numbers.length < 3) numbers.push('0');
  return { name: m.package?.name ?? `${m.id}-webhooks`, version: m.package?.version ?? numbers.join('.'), license: m.package?.license ?? 'UNLICENSED' };
}
