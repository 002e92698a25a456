import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@provisio/database';
import { currentRequestContext, NotFoundError } from '@provisio/observability';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { generateSecret } from '../tokens/secrets';
import { OPERATOR_KEY_MARKER } from '@provisio/admin';
import { OperatorKeyEntity } from './operator-key.entity';
import { OperatorRole } from '@provisio/admin';

export type OperatorKeyAction = 'operator_key.created' | 'operator_key.revoked';

export interface IssuedOperatorKey {
  entity: OperatorKeyEntity;
  /** The bearer secret: returned to the caller once and never stored. */
  key: string;
}

export interface OperatorKeyEventRow {
  id: string;
  occurred_at: Date;
  action: OperatorKeyAction;
  key_id: string;
  key_name: string;
  key_prefix: string;
  role: OperatorRole;
  actor: object;
  request_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
}

@Injectable()
export class OperatorKeysService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create(name: string, role: OperatorRole): Promise<IssuedOperatorKey> {
    return this.dataSource.transaction(async (tx) => {
      const { secret, prefix, hash } = generateSecret(OPERATOR_KEY_MARKER);
      const entity = tx.create(OperatorKeyEntity, { name, role, prefix, keyHash: hash, createdAt: new Date(), lastUsedAt: null, revokedAt: null });
      await tx.insert(OperatorKeyEntity, entity);
      await recordKeyEvent(tx, 'operator_key.created', entity);
      return { entity, key: secret };
    });
  }

  list(): Promise<OperatorKeyEntity[]> {
    return this.dataSource.getRepository(OperatorKeyEntity).find({ order: { createdAt: 'ASC' } });
  }

  /** Revoking twice is not an error and records nothing the second time. */
  revoke(id: string): Promise<OperatorKeyEntity> {
    return this.dataSource.transaction(async (tx) => {
      const key = isUuid(id) ? await tx.findOneBy(OperatorKeyEntity, { id }) : null;
      if (!key) throw new NotFoundError(`Operator key ${id} not found`);
      if (!key.revokedAt) {
        key.revokedAt = new Date();
        await tx.update(OperatorKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: key.revokedAt });
        await recordKeyEvent(tx, 'operator_key.revoked', key);
      }
      return key;
    });
  }

  /** Newest first; `before` is the id of the last event of the previous page (ids only grow). */
  events(limit: number, before?: string): Promise<OperatorKeyEventRow[]> {
    return this.dataSource.query(
      `SELECT id::text, occurred_at, action, key_id, key_name, key_prefix, role, actor, request_id, client_ip, user_agent
         FROM operator_key_events WHERE ($1::bigint IS NULL OR id < $1::bigint) ORDER BY operator_key_events.id DESC LIMIT $2`,
      [before ?? null, limit],
    );
  }
}

/** Written in the key change's own transaction, with who did it from the request context. */
async function recordKeyEvent(tx: EntityManager, action: OperatorKeyAction, key: OperatorKeyEntity): Promise<void> {
  const context = currentRequestContext();
  await tx.query(
    `INSERT INTO operator_key_events (action, key_id, key_name, key_prefix, role, actor, request_id, client_ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [action, key.id, key.name, key.prefix, key.role, context?.actor ?? { type: 'system', job: 'cli' }, context?.requestId ?? null,
      context?.clientIp ?? null, context?.userAgent ?? null],
  );
}
