import type { Response } from 'express';
import { weakEtag } from './etag';
import { SCIM_CONTENT_TYPE } from './scim-media-type';

/** A resource as served, with the version and location its headers need. */
export interface ServedResource {
  body: Record<string, unknown>;
  version: number;
  location: string;
}

/**
 * Writes a SCIM response. Controllers answer through these rather than returning values because the
 * status varies within one route (a Group PATCH is 204, or 200 when `attributes` asks for the body;
 * a GET is 200, or 304 for a matching If-None-Match) and Nest fixes one status per route.
 */
export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', SCIM_CONTENT_TYPE);
  res.end(JSON.stringify(body));
}

export function sendEmpty(res: Response, status: 204 | 304, headers: Record<string, string> = {}): void {
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end();
}

/** 200/201 with ETag = meta.version (RFC 7644 §3.14); 201 also carries Location (§3.3). */
export function sendResource(res: Response, status: 200 | 201, served: ServedResource): void {
  const headers: Record<string, string> = { ETag: weakEtag(served.version) };
  if (status === 201) headers.Location = served.location;
  sendJson(res, status, served.body, headers);
}
