import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { LRUCache } from 'lru-cache';

/** Enough for every live token of a large installation; an evicted token costs one lookup, nothing more. */
const MAX_TOKENS = 10_000;

/**
 * Remembers what a bearer token's hash resolved to (token row, tenant status and settings) for at most
 * SCIM_TOKEN_CACHE_SECONDS, so an IdP's sync does not look its token up on every request.
 *
 * The bound: a token revoked, an OAuth client revoked, a tenant suspended, deleted or given new settings is
 * refused (or sees the new settings) on EVERY API replica within that many seconds. The replica that made the
 * change forgets at once (invalidate() after the commit). Expiry needs no bound: it is checked on every request.
 * Unknown tokens are never remembered, so guessing cannot fill the cache. 0 turns the cache off.
 */
@Injectable()
export class TokenCache<T extends object = object> {
  private readonly entries?: LRUCache<string, T, () => Promise<T | undefined>>;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'scimTokenCacheSeconds'>) {
    if (config.scimTokenCacheSeconds === 0) return;
    this.entries = new LRUCache<string, T, () => Promise<T | undefined>>({
      max: MAX_TOKENS,
      ttl: config.scimTokenCacheSeconds * 1000,
      // Concurrent misses for one token (32 sync clients starting at once) share one lookup.
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  /** The remembered value for `key`, or what `load` finds (remembered unless undefined). */
  async get(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    return this.entries ? this.entries.fetch(key, { context: load }) : load();
  }

  /** Forget everything, including lookups in flight: called after a change to tokens or tenants commits. */
  invalidate(): void {
    this.entries?.clear();
  }
}
