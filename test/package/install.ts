/**
 * hookcat packed and installed as a user installs it: `npm pack` (which builds `dist/` in
 * `prepack`), then the README's quick start run line by line in a fresh folder under the system's
 * temporary folder, `npm install --save-dev hookcat` installing the tarball. npm takes packages
 * from its cache when it has them (`prefer-offline`).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPOSITORY = path.resolve(import.meta.dirname, '..', '..');

/** npm's settings for the runs: no audit, funding or update notices; the cache first. */
export const NPM_ENV = {
  ...process.env,
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
};

export interface Packed {
  readonly tarball: string;
  /** The paths in the tarball, relative to the package. */
  readonly files: readonly string[];
}

/** `npm pack` of the repository into `dir`. */
export async function pack(dir: string): Promise<Packed> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: REPOSITORY,
    env: NPM_ENV,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000,
  });
  const [report] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dir, report!.filename), files: report!.files.map((f) => f.path) };
}

export interface Step {
  /** The line as the README has it. */
  readonly line: string;
  /** What was run for it (the tarball in place of `hookcat` for the install). */
  readonly command: string;
  /** stdout and stderr together. */
  readonly output: string;
}

/** What `line` of the quick start runs: the same, with the tarball installed in place of the registry's hookcat. */
export function commandFor(line: string, tarball: string): string {
  return line === 'npm install --save-dev hookcat' ? `npm install --save-dev ${tarball}` : line;
}

/** A new folder under the system's temporary folder. */
export function temporaryFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'hookcat-quick-start-'));
}

/**
 * Runs `lines` (all but the last, which serves the site and never ends) as one bash script with
 * `set -e` in `root`, so `cd` carries over as in a terminal; returns each line's output and the
 * folder the script ended in.
 */
export async function runQuickStart(lines: readonly string[], tarball: string, root: string): Promise<{ steps: Step[]; project: string }> {
  const marker = (index: number) => `::hookcat-step-${index}::`;
  const script = [
    'set -e',
    ...lines.flatMap((line, index) => [`echo '${marker(index)}'`, `${commandFor(line, tarball)} 2>&1`]),
    `echo '${marker(lines.length)}'`,
    'pwd',
  ].join('\n');
  const { stdout } = await run('bash', ['-c', script], { cwd: root, env: NPM_ENV, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  const steps = lines.map((line, index) => {
    const start = stdout.indexOf(marker(index)) + marker(index).length;
    return { line, command: commandFor(line, tarball), output: stdout.slice(start, stdout.indexOf(marker(index + 1))).trim() };
  });
  const project = stdout.slice(stdout.indexOf(marker(lines.length)) + marker(lines.length).length).trim();
  return { steps, project };
}

/** A port no one listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface Served {
  readonly url: string;
  /** Stops the server (its process group, which this test started). */
  stop(): void;
}

/** Runs the quick start's last line (`npx hookcat site preview`) with `--port`, and waits until the site answers. */
export async function serve(line: string, project: string): Promise<Served> {
  const port = await freePort();
  const child: ChildProcess = spawn('bash', ['-c', `exec ${line} --port ${port}`], { cwd: project, env: NPM_ENV, detached: true, stdio: 'ignore' });
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    const ok = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { url, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`${line} --port ${port} did not serve the site`);
}

/** Runs a command in the project, returning its output (stdout and stderr) and exit code. */
export async function inProject(project: string, file: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(file, [...args], { cwd: project, env: NPM_ENV, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
