export * from './distribution-plan';
