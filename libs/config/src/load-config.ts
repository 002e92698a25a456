import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { AppConfig } from './app-config';
import { auditSigningKey } from './audit-signing-key';
import { ConfigError } from './config-error';
import { redisTopology } from './redis-topology';

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${value})`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(name, `must be true or false (got "${env[name]}")`);
}

function host(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!ipaddr.isValid(raw) && !/^[A-Za-z0-9.-]+$/.test(raw)) throw new ConfigError(name, `must be an address or host name (got "${raw}")`);
  return raw;
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = env[name] || fallback;
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be an absolute URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')} (got ${parsed.protocol})`);
  }
  return raw.replace(/\/+$/, '');
}

function adminToken(env: Env, nodeEnv: AppConfig['nodeEnv']): string {
  const raw = env.ADMIN_TOKEN;
  if (!raw) {
    throw new ConfigError('ADMIN_TOKEN', nodeEnv === 'production'
      ? 'is required when NODE_ENV=production'
      : 'is not set (npm start generates one in development)');
  }
  if (raw.length < 24) throw new ConfigError('ADMIN_TOKEN', 'must be at least 24 characters long');
  return raw;
}

function hostList(env: Env, name: string): string[] {
  const raw = env[name] ?? '';
  const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!/^[A-Za-z0-9.:\-\[\]/*]+$/.test(entry)) throw new ConfigError(name, `has an invalid entry "${entry}"`);
  }
  return entries;
}

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Which proxies may set X-Forwarded-For (Express's `trust proxy`): a hop count, or addresses, CIDRs and
 * Express's keywords. Trusting every proxy is not offered: any client could then forge its address.
 */
function trustProxy(env: Env): false | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!PROXY_KEYWORDS.includes(entry) && !ipaddr.isValid(entry) && !ipaddr.isValidCIDR(entry)) {
      throw new ConfigError('TRUST_PROXY', `must be a hop count or addresses, CIDRs, ${PROXY_KEYWORDS.join(', ')} (got "${entry}")`);
    }
  }
  return entries;
}

/**
 * 32 bytes, given as base64 or 64 hex digits. Development and test fall back to a fixed, publicly known key
 * so a local database stays readable across restarts; production must set its own.
 */
function secretsKey(env: Env, nodeEnv: AppConfig['nodeEnv']): Buffer {
  const raw = env.SECRETS_ENCRYPTION_KEY;
  if (!raw) {
    if (nodeEnv === 'production') throw new ConfigError('SECRETS_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
    return createHash('sha256').update('provisio-insecure-development-secrets-key').digest();
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('SECRETS_ENCRYPTION_KEY', 'must be 32 bytes as base64 or 64 hex digits (try: openssl rand -base64 32)');
  }
  return key;
}

/** A SCIM token the sandbox page is pre-authorised with: development only, since the page shows it to whoever opens it. */
function sandboxScimToken(env: Env, nodeEnv: AppConfig['nodeEnv']): string | undefined {
  const raw = env.SANDBOX_SCIM_TOKEN;
  if (!raw) return undefined;
  if (nodeEnv === 'production') throw new ConfigError('SANDBOX_SCIM_TOKEN', 'must not be set when NODE_ENV=production (the sandbox page would show it)');
  return raw;
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl) {
    throw new ConfigError('DATABASE_URL', 'is not set (npm start runs an embedded PostgreSQL when it is unset)');
  }
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379')!;
  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    databaseDirectUrl: url(env, 'DATABASE_DIRECT_URL', ['postgres:', 'postgresql:']) ?? databaseUrl,
    redisUrl,
    redis: redisTopology(env, redisUrl),
    queuePrefix: env.QUEUE_PREFIX || 'provisio',
    adminToken: adminToken(env, nodeEnv),
    outboundAllowedHosts: hostList(env, 'OUTBOUND_ALLOWED_HOSTS'),
    publicBaseUrl: url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']),
    trustProxy: trustProxy(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    oauthAccessTokenTtlSeconds: integer(env, 'OAUTH_ACCESS_TOKEN_TTL_SECONDS', 3600, 300, 21600),
    oauthClientSecretTtlDays: integer(env, 'OAUTH_CLIENT_SECRET_TTL_DAYS', 730, 365, 1095),
    scimMaxBodyBytes: integer(env, 'SCIM_MAX_BODY_BYTES', 1048576, 1024, 52428800),
    scimMaxPageSize: integer(env, 'SCIM_MAX_PAGE_SIZE', 1000, 1, 10000),
    scimBulkMaxOperations: integer(env, 'SCIM_BULK_MAX_OPERATIONS', 1000, 1, 10000),
    secretsEncryptionKey: secretsKey(env, nodeEnv),
    auditSigningKey: auditSigningKey(env, nodeEnv),
    auditCheckpointIntervalSeconds: integer(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60, 0, 86400),
    outboundTimeoutMs: integer(env, 'OUTBOUND_TIMEOUT_MS', 10000, 50, 120000),
    httpHeadersTimeoutMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10000, 100, 120000),
    httpRequestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30000, 100, 600000),
    deliveryRetryBaseMs: integer(env, 'DELIVERY_RETRY_BASE_MS', 10000, 10, 3600000),
    deliveryMaxAgeSeconds: integer(env, 'DELIVERY_MAX_AGE_SECONDS', 86400, 1, 604800),
    webhookDisableAfterDeadDeliveries: integer(env, 'WEBHOOK_DISABLE_AFTER_DEAD_DELIVERIES', 5, 1, 1000),
    metricsTenantLabels: bool(env, 'METRICS_TENANT_LABELS', false),
    workerMetricsPort: integer(env, 'WORKER_METRICS_PORT', 9465, 0, 65535),
    workerMetricsHost: host(env, 'WORKER_METRICS_HOST', '127.0.0.1'),
    sandboxScimToken: sandboxScimToken(env, nodeEnv),
  };
}
