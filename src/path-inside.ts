/** Whether a path stays inside a folder, read the same way by the loader and the writer. */
import path from 'node:path';

/** Whether a path made by `path.relative` leaves the folder it is relative to. A name that only
 * starts with two dots (`..data`) stays inside. */
export function leavesFolder(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/** Whether `inner` is `outer` or a path below it. */
export function isWithin(inner: string, outer: string): boolean {
  return !leavesFolder(path.relative(outer, inner));
}
