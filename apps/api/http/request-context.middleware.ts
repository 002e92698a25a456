import { requestIdFrom, runWithRequestContext } from '@provisio/observability';
import type { NextFunction, Request, Response } from 'express';

/** Opens the request context (request id, client IP, user agent) that logs and audit events read. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', requestId);
  runWithRequestContext({ requestId, clientIp: req.ip, userAgent: req.get('user-agent') }, next);
}
