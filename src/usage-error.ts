/** A mistake in how hookcat was called (unknown output name, unknown catalog id...): exit code 2. */
export class UsageError extends Error {}
