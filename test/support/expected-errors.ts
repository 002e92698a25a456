/**
 * Fault tests cause errors on purpose; libraries such as BullMQ print each one with its stack through
 * console.error when nobody listens. This keeps those out of the test output while every other line
 * (an unexpected error) still prints. Returns the restore function.
 */
export function hideExpectedConsoleErrors(expected: (args: unknown[]) => boolean): () => void {
  const original = console.error;
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!expected(args)) original(...args);
  });
  return () => spy.mockRestore();
}

/** A connection refused by a server the test stopped on purpose (port given). */
export function refusedBy(port: number): (args: unknown[]) => boolean {
  return (args) => args.some((arg) => (arg as { code?: string; port?: number })?.code === 'ECONNREFUSED' && (arg as { port?: number }).port === port);
}
