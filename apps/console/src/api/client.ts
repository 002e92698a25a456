import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The admin API on the same origin, typed from the OpenAPI document the API serves (see schema.d.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

let currentKey: string | undefined;
let onUnauthorized: () => void = () => undefined;

/** The session hands the key here; it is never put in localStorage (see session.tsx). */
export function useKeyForRequests(key: string | undefined, unauthorized: () => void): void {
  currentKey = key;
  onUnauthorized = unauthorized;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (currentKey && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${currentKey}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && currentKey) onUnauthorized();
    return response;
  },
};
api.use(auth);

/** The admin API's error body: `{statusCode, error, message, scimType?}`. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the API's own validation message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = result.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : `${result.response.status} ${result.response.statusText}`;
  throw new ApiError(result.response.status, message);
}
