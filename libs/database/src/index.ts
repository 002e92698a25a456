export * from './tenant-ref';
export * from './data-source-options';
export * from './run-migrations';
export * from './embedded-postgres';
export * from './database.module';
export * from './uuid';
export * from './distribution';
export * from './post-commit-sequence';
