import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ScimRequestSeen {
  tenantId: string;
  method: string;
  /** Without the query string: filters carry user names. */
  path: string;
  status: number;
  tokenPrefix: string;
  userAgent?: string;
}

/** Writing on every request of a sync would add a write per read; a second's staleness is fine for a person watching. */
const MIN_INTERVAL_MS = 1000;
const MAX_TRACKED_TENANTS = 10_000;

/**
 * Remembers each tenant's last SCIM request (scim_last_requests) for the console's Connect page. At most one write
 * per tenant per second per process, except that a change between success and failure is written at once, so a
 * first failure shows. A sync alternates 200 lookups and 201 creates: keyed on the status itself, that would be a
 * write per request.
 */
@Injectable()
export class ScimRequestRecorder {
  private readonly logger = new Logger('ScimRequestRecorder');
  private readonly written = new Map<string, { at: number; failed: boolean }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  note(seen: ScimRequestSeen): void {
    const last = this.written.get(seen.tenantId);
    const now = Date.now();
    const failed = seen.status >= 400;
    if (last && now - last.at < MIN_INTERVAL_MS && last.failed === failed) return;
    if (this.written.size >= MAX_TRACKED_TENANTS) this.written.clear();
    this.written.set(seen.tenantId, { at: now, failed });
    this.dataSource
      .query(
        `INSERT INTO scim_last_requests (tenant_id, at, method, path, status, token_prefix, user_agent)
         VALUES ($1, now(), $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id) DO UPDATE SET at = excluded.at, method = excluded.method, path = excluded.path,
           status = excluded.status, token_prefix = excluded.token_prefix, user_agent = excluded.user_agent`,
        [seen.tenantId, seen.method, seen.path.slice(0, 500), seen.status, seen.tokenPrefix, seen.userAgent?.slice(0, 300) ?? null],
      )
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not record the last SCIM request'));
  }
}
