import { authenticateOperator } from '@provisio/admin';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';

/**
 * Guards the queue dashboard with ADMIN_TOKEN or an operator key of the admin role (the dashboard retries and
 * removes jobs, so auditors are refused). Accepts `Authorization: Bearer <key>` (scripts) and HTTP Basic with the
 * key as password and any user name, so a browser prompts for it.
 */
export function adminTokenMiddleware(adminToken: string, dataSource: DataSource) {
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticateOperator(dataSource, adminToken, presentedSecret(req.headers.authorization))
      .then((operator) => {
        if (operator?.role === 'admin') return next();
        res.setHeader('WWW-Authenticate', 'Basic realm="provisio-queues", charset="UTF-8"');
        res.status(401).json({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'The queue dashboard needs the admin token or an admin operator key (Bearer, or Basic with the key as password)',
        });
      })
      .catch(next);
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
