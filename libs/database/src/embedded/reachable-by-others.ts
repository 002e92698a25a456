import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Whether a user that is neither the owner nor in the group (the `postgres` user that embedded
 * PostgreSQL runs as when we are root) can reach `path`: every ancestor directory needs the
 * others-execute bit. A clone in /root or a `mktemp -d` folder (mode 700) fails this.
 */
export function reachableByOthers(path: string): boolean {
  let current = dirname(resolve(path));
  for (;;) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}
