/** The package a catalog is made into: declared fields kept, else `<id>-webhooks` at the catalog's version completed to semver. */
import { describe, expect, it } from 'vitest';
import type { RawMetadata } from '../../src/catalog/source.js';
import { packageInfo } from '../../src/model/package-info.js';

function metadata(version: string, pkg?: RawMetadata['package']): RawMetadata {
  return { id: 'shop', version, locales: ['en'], sourceLocale: 'en', title: 'Shop', ...(pkg && { package: pkg }) };
}

describe('packageInfo', () => {
  it.each([
    ['1', '1.0.0'],
    ['1.2', '1.2.0'],
    ['1.2.3', '1.2.3'],
    ['10.20', '10.20.0'],
    ['2026.12.31', '2026.12.31'],
    ['2024-06-20', '2024.6.20'],
    ['01.02', '1.2.0'],
  ])('completes version %s to %s', (version, semver) => {
    expect(packageInfo(metadata(version))).toEqual({ name: 'shop-webhooks', version: semver, license: 'UNLICENSED' });
  });

  it.each(['1.2.3.4', 'v1', '1.2-beta', 'x1.2', '1.2x', '1..2', '.1', '1.a', '', 'one'])('gives 0.0.0 for a version that is not numbers: %j', (version) => {
    expect(packageInfo(metadata(version)).version).toBe('0.0.0');
  });

  it('keeps each declared field, and fills only the ones left out', () => {
    expect(packageInfo(metadata('1.2', { name: '@acme/hooks', version: '3.0.0-rc.1', license: 'MIT' }))).toEqual({
      name: '@acme/hooks',
      version: '3.0.0-rc.1',
      license: 'MIT',
    });
    expect(packageInfo(metadata('1.2', { license: 'Apache-2.0' }))).toEqual({ name: 'shop-webhooks', version: '1.2.0', license: 'Apache-2.0' });
    expect(packageInfo(metadata('1.2', { name: 'hooks' }))).toEqual({ name: 'hooks', version: '1.2.0', license: 'UNLICENSED' });
  });
});
