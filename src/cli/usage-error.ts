/** A mistake in how omarc was called or set up (exit code 2): printed as a message, never as a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
