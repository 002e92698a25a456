import type { RedisTopology } from './redis-topology';

/** Validated process configuration. Every variable is documented in README.md and docs/configuration.md. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Unset only in development, where scripts/start-dev.ts starts an embedded PostgreSQL and sets it. */
  databaseUrl: string;
  redisUrl: string;
  /** One Redis, a Redis Cluster or a Sentinel-managed primary (docs/scaling.md). */
  redis: RedisTopology;
  /**
   * A direct connection to PostgreSQL for what needs a session (LISTEN), when DATABASE_URL points at a
   * transaction-pooling PgBouncer; DATABASE_URL otherwise.
   */
  databaseDirectUrl: string;
  /** BullMQ key prefix; tests give each file its own so parallel runs never share queues. */
  queuePrefix: string;
  adminToken: string;
  outboundAllowedHosts: string[];
  publicBaseUrl?: string;
  /** Express `trust proxy`: which proxies' X-Forwarded-For gives the client IP in logs and audit events. */
  trustProxy: false | number | string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Lifetime of access tokens issued by POST /oauth/token, in seconds (5 minutes to 6 hours). */
  oauthAccessTokenTtlSeconds: number;
  /** Lifetime of a new OAuth client secret, in days (one to three years). */
  oauthClientSecretTtlDays: number;
  /** Largest accepted request body on SCIM routes, in bytes. */
  scimMaxBodyBytes: number;
  /** Most resources one SCIM list or .search page returns (advertised as filter.maxResults). */
  scimMaxPageSize: number;
  /** Most operations one SCIM Bulk request may carry (advertised as bulk.maxOperations). */
  scimBulkMaxOperations: number;
  /** AES-256-GCM key (32 bytes) that encrypts webhook secrets and connector tokens at rest. */
  secretsEncryptionKey: Buffer;
  /** Connect and response timeout of every outbound webhook or connector request, in milliseconds. */
  outboundTimeoutMs: number;
  /** First retry delay of a failed webhook or connector delivery; later ones grow exponentially with jitter. */
  deliveryRetryBaseMs: number;
  /** How long a failing delivery keeps being retried before it is dead, in seconds (a day by default). */
  deliveryMaxAgeSeconds: number;
  /** Consecutive dead deliveries after which a webhook endpoint is disabled automatically. */
  webhookDisableAfterDeadDeliveries: number;
  /** Development only: the SCIM token `npm start` keeps for its sandbox tenant; the sandbox page starts authorised with it. */
  sandboxScimToken?: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
