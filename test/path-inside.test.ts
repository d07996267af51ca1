/** Whether a path stays inside a folder: the loader's links and the writer's output folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithin, leavesFolder } from '../src/path-inside.js';

describe('leavesFolder', () => {
  it.each([
    ['..', true],
    [`..${path.sep}x`, true],
    [path.resolve('/elsewhere'), true],
    ['', false],
    ['x', false],
    ['..x', false],
    [`..data${path.sep}d.yaml`, false],
    [`a${path.sep}..b`, false],
  ])('%j leaves: %s', (relative, leaves) => {
    expect(leavesFolder(relative)).toBe(leaves);
  });
});

describe('isWithin', () => {
  it('holds for the folder itself and below it, not above it or beside it', () => {
    const root = path.resolve('/project');
    expect(isWithin(root, root)).toBe(true);
    expect(isWithin(path.join(root, '..generated', 'a.ts'), root)).toBe(true);
    expect(isWithin(path.dirname(root), root)).toBe(false);
    expect(isWithin(path.resolve('/project-b'), root)).toBe(false);
    expect(isWithin(root, path.join(root, 'catalog'))).toBe(false);
  });
});
