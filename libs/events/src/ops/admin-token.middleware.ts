import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Guards the queue dashboard with ADMIN_TOKEN. Accepts `Authorization: Bearer <token>` (scripts) and HTTP Basic
 * with the token as password and any user name, so a browser prompts for it. Hashing both sides makes the
 * comparison constant-time whatever the lengths.
 */
export function adminTokenMiddleware(adminToken: string) {
  const expected = sha256(adminToken);
  return (req: Request, res: Response, next: NextFunction): void => {
    const presented = presentedSecret(req.headers.authorization);
    if (presented !== undefined && timingSafeEqual(sha256(presented), expected)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="provisio-queues", charset="UTF-8"');
    res.status(401).json({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'The queue dashboard needs the admin token (Bearer, or Basic with the token as password)',
    });
  };
}

function presentedSecret(header: string | undefined): string | undefined {
  const bearer = header?.match(/^Bearer\s+(\S+)$/i);
  if (bearer) return bearer[1];
  const basic = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}
