import { CommittedRowsNumbering } from '@provisio/database';
import { chainHash } from '../chain/chain-hash';
import { serializeContent } from '../chain/event-content';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, contentOf } from '../query/audit-event-row';

/**
 * How audit events are sealed: the post-commit numbering of libs/database (the same that numbers outbox events),
 * with the hash chain as the value each event derives from its predecessor. audit_chain_heads is the counter:
 * its row lock makes one sealer at a time per tenant, and it keeps the newest sequence, hash and time.
 */
export const AUDIT_SEALING: CommittedRowsNumbering<AuditEventRow> = {
  table: 'audit_events',
  insertOrder: 'position',
  counterTable: 'audit_chain_heads',
  chain: {
    read: AUDIT_EVENT_COLUMNS,
    columns: [
      ['hash', 'last_hash', 'bytea'],
      ['occurred_at', 'last_occurred_at', 'timestamptz'],
    ],
    link: (row, sequence, [previousHash, previousTime]) => {
      // An event that committed after a later-inserted one is sealed after it: it takes its predecessor's time
      // when its own is older, so time never decreases along the sequence (time ranges are sequence ranges).
      const occurredAt = previousTime instanceof Date && previousTime > row.occurred_at ? previousTime : row.occurred_at;
      const hash = chainHash(sequence, occurredAt.getTime(), serializeContent(contentOf(row)), previousHash as Buffer);
      return [hash, occurredAt];
    },
  },
};
