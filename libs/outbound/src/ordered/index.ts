export * from './ordered-row';
export * from './resource-order';
export * from './claim-row';
export * from './settle-attempt';
export * from './overdue-rows';
export * from './ordered-row-sweeper';
export * from './record-rows';
export * from './ordered-delivery-runner';
