export * from './committed-rows-numbering';
export * from './tenant-counter-lock';
export * from './under-tenant-counter';
export * from './number-committed-rows';
