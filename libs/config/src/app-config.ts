import type { KeyObject } from 'node:crypto';
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
  /** Ed25519 private key that signs audit checkpoints (AUDIT_SIGNING_KEY). */
  auditSigningKey: KeyObject;
  /** At most one signed audit checkpoint per tenant per this many seconds while its chain grows (0: every sealing pass). */
  auditCheckpointIntervalSeconds: number;
  /** Connect and response timeout of every outbound webhook or connector request, in milliseconds. */
  outboundTimeoutMs: number;
  /** How long the API waits for a client's request headers before answering 408 and closing (Node's default is 60 s). */
  httpHeadersTimeoutMs: number;
  /** How long the API waits for a whole request, body included (at least the headers timeout). */
  httpRequestTimeoutMs: number;
  /** First retry delay of a failed webhook or connector delivery; later ones grow exponentially with jitter. */
  deliveryRetryBaseMs: number;
  /** How long a failing delivery keeps being retried before it is dead, in seconds (a day by default). */
  deliveryMaxAgeSeconds: number;
  /** Consecutive dead deliveries after which a webhook endpoint is disabled automatically. */
  webhookDisableAfterDeadDeliveries: number;
  /** Adds a `tenant` label to SCIM, outbox and delivery metrics; one series per tenant (docs/operations.md). */
  metricsTenantLabels: boolean;
  /** Port of the worker's Prometheus endpoint (GET /metrics); 0 turns it off. */
  workerMetricsPort: number;
  /** Address the worker's metrics endpoint listens on: loopback unless an operator opens it deliberately. */
  workerMetricsHost: string;
  /** Development only: the SCIM token `npm start` keeps for its sandbox tenant; the sandbox page starts authorised with it. */
  sandboxScimToken?: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
