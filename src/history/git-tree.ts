/**
 * A folder of a git commit, copied out of the object database: `git ls-tree` lists the blobs,
 * one `git cat-file --batch` reads them all. No worktree, no checkout, the user's index and
 * working tree are never touched.
 */
import { spawn } from 'node:child_process';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A git command failed; its message is git's own first line. */
export class GitError extends Error {}

/** Runs git with `input` on stdin; resolves with stdout, rejects with git's first error line. */
function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitError(`git could not be run: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(
          new GitError(
            Buffer.concat(err)
              .toString('utf8')
              .split('\n')
              .find((l) => l.trim() !== '') ?? `git ${args[0]} failed`,
          ),
        );
    });
    // git may exit before reading all of stdin (a bad object); its exit code tells what happened.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** The nearest folder at or above `folder` that exists (the catalogs folder may be gone from the working tree). */
async function existingAncestor(folder: string): Promise<{ real: string; rest: string }> {
  let current = path.resolve(folder);
  const rest: string[] = [];
  for (;;) {
    try {
      return { real: await realpath(current), rest: rest.reverse().join('/') };
    } catch {
      const parent = path.dirname(current);
      if (parent === current) throw new GitError(`no folder found above ${folder}`);
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** Where `folder` lives in its git repository: the repository's top folder and the path inside it. */
export async function locateInRepository(folder: string): Promise<{ top: string; inside: string }> {
  const { real, rest } = await existingAncestor(folder);
  const top = (await git(real, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  const relative = path
    .relative(await realpath(top), real)
    .split(path.sep)
    .join('/');
  const inside = [relative, rest].filter((p) => p !== '').join('/');
  return { top, inside };
}

/** The commit a ref names, or a GitError saying it names none. */
export async function resolveCommit(top: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitError(`${ref} is not a git ref`);
  try {
    return (await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  } catch {
    throw new GitError(`${ref} is neither a folder nor a commit of the repository at ${top}`);
  }
}

interface TreeEntry {
  readonly object: string;
  readonly path: string;
}

/** Regular files under `inside` at `commit` (links and submodules are left out, as the loader would refuse them). */
async function listBlobs(top: string, commit: string, inside: string): Promise<TreeEntry[]> {
  const listing = (await git(top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', inside === '' ? '.' : inside])).toString('utf8');
  return listing
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, object] = line.slice(0, tab).split(' ');
      return { mode, type, object: object ?? '', path: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && (e.mode === '100644' || e.mode === '100755'));
}

/** Splits `git cat-file --batch` output (`<oid> blob <size>\n<bytes>\n` per object) into contents. */
function splitBatch(output: Buffer, count: number): Buffer[] {
  const contents: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = output.indexOf(0x0a, at);
    const header = output.subarray(at, end).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isSafeInteger(size)) throw new GitError(`git cat-file answered ${header.join(' ')}`);
    contents.push(output.subarray(end + 1, end + 1 + size));
    at = end + 1 + size + 1;
  }
  return contents;
}

/**
 * Writes the files under `inside` (a path in the repository) at `commit` into `into`, keeping
 * their layout below `inside`. Returns how many files it wrote (0 when the folder did not exist then).
 */
export async function extractFolder(top: string, commit: string, inside: string, into: string): Promise<number> {
  const entries = await listBlobs(top, commit, inside);
  if (entries.length === 0) return 0;
  const contents = splitBatch(await git(top, ['cat-file', '--batch'], `${entries.map((e) => e.object).join('\n')}\n`), entries.length);
  const prefix = inside === '' ? '' : `${inside}/`;
  for (const [i, entry] of entries.entries()) {
    const relative = entry.path.startsWith(prefix) ? entry.path.slice(prefix.length) : entry.path;
    const target = path.join(into, ...relative.split('/'));
    if (!target.startsWith(into + path.sep)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents[i]!);
  }
  return entries.length;
}
