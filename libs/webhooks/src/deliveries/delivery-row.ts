import { OrderedRow, OrderedTable } from '@provisio/outbound';

export { DeliveryStatus, isFinal } from '@provisio/outbound';

/** webhook_deliveries in the shared ordered-delivery engine: target_id is the endpoint id. */
export const WEBHOOK_DELIVERIES: OrderedTable = { table: 'webhook_deliveries', target: 'endpoint_id' };

export type DeliveryRow = OrderedRow;
