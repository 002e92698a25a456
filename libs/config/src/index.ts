export * from './app-config';
export * from './config-error';
export * from './load-config';
export * from './config.module';
export * from './public-base-url';
export * from './redis-topology';
