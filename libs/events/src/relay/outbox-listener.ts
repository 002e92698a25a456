import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { OUTBOX_NOTIFY_CHANNEL } from '../outbox/outbox-channel';

const RECONNECT_DELAY_MS = 1000;

/**
 * LISTENs for RelayWake's after-commit signals on a dedicated connection (LISTEN cannot share a pooled one) and reconnects
 * after a failure. Missed notifications are harmless: the relay's poll finds the rows anyway.
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    private readonly onTenant: (tenantId: string) => void,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'provisio-relay-listen' });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== OUTBOX_NOTIFY_CHANNEL || !message.payload) return;
      // A comma-separated list (RelayWake coalesces commits); an older API sends one id, the same format.
      for (const tenantId of message.payload.split(',')) if (tenantId) this.onTenant(tenantId);
    });
    client.on('error', (error) => this.retry(client, error));
    client.on('end', () => this.retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    } catch (error) {
      this.retry(client, error as Error);
    }
  }

  private retry(client: Client, error?: Error): void {
    if (this.stopped || this.client !== client) return;
    if (error) this.logger.warn(`outbox LISTEN connection lost (${error.message}); polling covers the gap`);
    this.client = undefined;
    client.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
