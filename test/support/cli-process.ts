/** The CLI in a process of its own: for what is per process (the user it runs as, its limit of open files). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliRun } from './cli-run.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface ProcessOptions {
  /** Run as this user (and group of the same number), with `HOME` set to `cwd`. */
  readonly uid?: number | undefined;
  /** At most this many open files (`ulimit -n`). */
  readonly openFiles?: number | undefined;
}

/** `hookcat ...argv` in a new Node process with `cwd` as its working folder, its output captured. */
export function runCliProcess(cwd: string, argv: readonly string[], options: ProcessOptions = {}): Promise<CliRun> {
  const node = [process.execPath, '--import', import.meta.resolve('tsx'), CLI, ...argv];
  const command = options.openFiles === undefined ? node : ['/bin/sh', '-c', `ulimit -n ${options.openFiles} && exec "$@"`, 'sh', ...node];
  const { uid } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid !== undefined && { uid, gid: uid, env: { ...process.env, HOME: cwd } }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
