/** The CLI run in this process from another working folder, its output captured, as a user in that project folder would run it. */
import { vi } from 'vitest';
import { main } from '../../src/cli.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A line of a stack trace: the CLI must never print one for a user's mistake. */
export const STACK_LINE = /^\s+at .+[:(]/m;

/** Runs `hookcat ...argv` with `cwd` as the working folder (the project folder). */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
