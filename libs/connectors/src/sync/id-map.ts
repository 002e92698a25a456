import { EntityManager } from 'typeorm';

export type MappedType = 'User' | 'Group';

/** Our id ↔ the store's id, per connector (connector_id_map). */
export class IdMap {
  constructor(
    private readonly db: EntityManager,
    private readonly tenantId: string,
    private readonly connectorId: string,
  ) {}

  async remoteId(type: MappedType, localId: string): Promise<string | undefined> {
    const [row]: { remote_id: string }[] = await this.db.query(
      `SELECT remote_id FROM connector_id_map WHERE tenant_id = $1 AND connector_id = $2 AND resource_type = $3 AND local_id = $4`,
      [this.tenantId, this.connectorId, type, localId],
    );
    return row?.remote_id;
  }

  /** Records (or moves) the mapping; a store id another local resource held is released first. */
  async link(type: MappedType, localId: string, remoteId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM connector_id_map WHERE tenant_id = $1 AND connector_id = $2 AND resource_type = $3 AND remote_id = $4 AND local_id <> $5`,
      [this.tenantId, this.connectorId, type, remoteId, localId],
    );
    await this.db.query(
      `INSERT INTO connector_id_map (tenant_id, connector_id, resource_type, local_id, remote_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, connector_id, resource_type, local_id) DO UPDATE SET remote_id = EXCLUDED.remote_id`,
      [this.tenantId, this.connectorId, type, localId, remoteId],
    );
  }

  async unlink(type: MappedType, localId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM connector_id_map WHERE tenant_id = $1 AND connector_id = $2 AND resource_type = $3 AND local_id = $4`,
      [this.tenantId, this.connectorId, type, localId],
    );
  }

  /** Every mapping of one type, for resync. */
  async all(type: MappedType): Promise<{ localId: string; remoteId: string }[]> {
    const rows: { local_id: string; remote_id: string }[] = await this.db.query(
      `SELECT local_id, remote_id FROM connector_id_map WHERE tenant_id = $1 AND connector_id = $2 AND resource_type = $3`,
      [this.tenantId, this.connectorId, type],
    );
    return rows.map((row) => ({ localId: row.local_id, remoteId: row.remote_id }));
  }
}
