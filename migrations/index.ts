import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const MIGRATION_FILE = /^\d{13}-[A-Za-z0-9]+\.(js|ts)$/;

/**
 * Every migration under migrations/, ordered by its timestamp prefix. Loaded from the folder so each
 * change adds one file and touches nothing else; never edit a migration that has landed.
 */
export function loadMigrations(): Function[] {
  return readdirSync(__dirname)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file list is only known at run time
      const exported = require(join(__dirname, file)) as Record<string, Function>;
      const migration = Object.values(exported).find((value) => typeof value === 'function');
      if (!migration) throw new Error(`Migration file ${file} exports no class`);
      return migration;
    });
}
