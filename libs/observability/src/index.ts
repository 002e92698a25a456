export * from './actor';
export * from './request-context';
export * from './request-id';
export * from './logger-options';
export * from './app-error';
export * from './redact-url';
export * from './start-failure';
export * from './telemetry';
