/**
 * The only code that touches the output folder. hookcat owns the files listed in its
 * manifest: it rewrites those that changed, removes those no catalog produces any more,
 * and never touches a file it did not write. See `write/` for the parts.
 */
export { hashOf, MANIFEST_FILE, recordsInputs, type Manifest, type ManifestEntry } from './write/manifest.js';
export { JOURNAL_FILE } from './write/journal.js';
export { openOutputFolder, OutputFolderError, type OutputFolder } from './write/output-folder.js';
export { FileSystemError } from './write/fs-error.js';
export { OutputSession, type Change, type ChangeKind, type OwnedFile, type Scope, type WritePlan } from './write/session.js';
export { verifyManifestFiles, type Verification } from './write/verify.js';
export { defaultCacheFolder, readOutputCache, writeOutputCache } from './write/output-cache.js';
