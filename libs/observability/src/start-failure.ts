interface SystemError {
  code?: string;
  syscall?: string;
  address?: string;
  port?: number;
  path?: string;
  message?: string;
}

/**
 * The one line a process prints when it cannot start: what failed and what to do, never a stack
 * trace (configuration errors already read that way; these are the system errors a newcomer meets).
 */
export function startFailureLine(error: unknown): string {
  const system = (error ?? {}) as SystemError;
  switch (system.code) {
    case 'EADDRINUSE':
      return `port ${system.port ?? ''} is already in use (is Provisio already running?); stop that process or set PORT to a free port`;
    case 'ECONNREFUSED':
      return `nothing answers at ${system.address}:${system.port}; start that server or fix DATABASE_URL / REDIS_URL`;
    case 'EACCES':
      return `permission denied on ${system.path ?? system.address ?? 'a file'} (${system.syscall ?? 'access'}); run from a folder you own`;
    case 'ENOSPC':
      return 'the disk is full';
  }
  if (error instanceof AggregateError && error.errors.length) return startFailureLine(error.errors[0]);
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
