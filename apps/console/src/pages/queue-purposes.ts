import type { Schemas } from '../api/client';

type QueueDepth = Schemas['QueueDepthDto'];

/** What each queue does for a tenant, so ops read "Webhook deliveries", not an internal partition name. */
const PURPOSES: [RegExp, string][] = [
  [/^events-\d+$/, 'Event fan-out (to webhooks and connectors)'],
  [/^events-maintenance$/, 'Retention and maintenance'],
  [/^webhook-deliveries$/, 'Webhook deliveries'],
  [/^connector-syncs$/, 'Connector syncs'],
  [/^connector-resyncs$/, 'Connector resyncs'],
];

export interface PurposeDepth {
  purpose: string;
  queues: number;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export function byPurpose(items: QueueDepth[]): PurposeDepth[] {
  const rows = new Map<string, PurposeDepth>();
  for (const item of items) {
    const purpose = PURPOSES.find(([pattern]) => pattern.test(item.name))?.[1] ?? item.name;
    const row = rows.get(purpose) ?? { purpose, queues: 0, waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
    row.queues++;
    row.waiting += item.waiting;
    row.active += item.active;
    row.delayed += item.delayed;
    row.failed += item.failed;
    row.completed += item.completed;
    rows.set(purpose, row);
  }
  return [...rows.values()];
}
