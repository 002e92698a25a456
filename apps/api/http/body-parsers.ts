import { AppError, BadRequestError } from '@provisio/observability';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';

/** RFC 7644 §3.1/§8.1: SCIM clients send application/scim+json; application/json is accepted too (Okta creates, many IdPs). */
const JSON_TYPES = ['application/json', 'application/scim+json', 'application/*+json'];
const ADMIN_BODY_LIMIT = '256kb';

/** Turns body-parser failures into typed errors before Nest's router sees them, so SCIM routes get scimType invalidSyntax. */
function typed(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      if (type === 'entity.parse.failed') return next(new BadRequestError('The request body is not valid JSON', 'invalidSyntax'));
      if (type === 'entity.too.large') return next(new AppError(413, 'The request body is larger than this endpoint accepts'));
      if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        return next(new AppError(415, 'Unsupported content encoding or charset; send UTF-8'));
      }
      return next(new BadRequestError('The request body could not be read'));
    });
  };
}

/** A SCIM write with a body must be JSON: anything else would reach handlers as an empty object. */
function requireJsonOnScimWrites(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is(JSON_TYPES)) {
    return next(new AppError(415, 'Send the body as application/scim+json or application/json'));
  }
  next();
}

export function bodyParsers(scimMaxBodyBytes: number): Array<[string | null, RequestHandler]> {
  return [
    ['/scim', requireJsonOnScimWrites],
    ['/scim', typed(express.json({ type: JSON_TYPES, limit: scimMaxBodyBytes, strict: false }))],
    ['/oauth', typed(express.urlencoded({ extended: false, limit: '16kb' }))],
    [null, typed(express.json({ type: JSON_TYPES, limit: ADMIN_BODY_LIMIT }))],
  ];
}
