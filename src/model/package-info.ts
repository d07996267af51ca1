/** `catalog.package` -> the `PackageInfo` model. */
import type { RawMetadata } from '../catalog/source.js';
import type { PackageInfo } from './types.js';

/** The package made of the catalog: as declared, else `<id>-webhooks` at the catalog's version (completed to semver). */
export function packageInfo(m: RawMetadata): PackageInfo {
  // A date (Stripe's `2024-06-20`) is a calendar version, `2024.6.20`; semver allows no leading zeros.
  const written = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(m.version) ? m.version.replaceAll('-', '.') : m.version;
  const numbers = /^[0-9]+(\.[0-9]+){0,2}$/.test(written) ? written.split('.').map((n) => n.replace(/^0+(?=[0-9])/, '')) : ['0', '0', '0'];
  while (numbers.length < 3) numbers.push('0');
  return { name: m.package?.name ?? `${m.id}-webhooks`, version: m.package?.version ?? numbers.join('.'), license: m.package?.license ?? 'UNLICENSED' };
}
