export * from './start-telemetry';
export * from './telemetry-settings';
export * from './provisio-meter';
export * from './trace-log-fields';
export * from './stored-trace';
