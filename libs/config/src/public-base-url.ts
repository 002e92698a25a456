interface RequestLike {
  protocol: string;
  get(name: string): string | undefined;
}

/**
 * The absolute base for meta.location, Location headers and scimBaseUrl: PUBLIC_BASE_URL when set,
 * otherwise the request's own scheme and host (Express honours X-Forwarded-* only when trust proxy is on).
 */
export function publicBaseUrl(req: RequestLike, configured?: string): string {
  if (configured) return configured;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
