import { AsyncLocalStorage } from 'node:async_hooks';
import { Actor } from './actor';

/** Facts about the HTTP request in flight that audit and logs need without threading them through every call. */
export interface RequestContext {
  requestId: string;
  clientIp?: string;
  userAgent?: string;
  /** Set by the admin guard or the SCIM bearer strategy once the caller is known. */
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function setCurrentActor(actor: Actor): void {
  const context = storage.getStore();
  if (context) context.actor = actor;
}
