import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevAdminToken {
  token: string;
  /** Where it is kept, for the banner; undefined when ADMIN_TOKEN came from the environment. */
  file?: string;
}

/**
 * ADMIN_TOKEN when set; otherwise the development token kept in ./.data/admin-token, created on the
 * first start, so the token written down yesterday still works today.
 */
export function devAdminToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): DevAdminToken {
  if (env.ADMIN_TOKEN) return { token: env.ADMIN_TOKEN };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 24) return { token: kept, file };
  }
  const token = `adm_${randomBytes(24).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, file };
}
