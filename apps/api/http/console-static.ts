import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

export const CONSOLE_PATH = '/console';

/** dist/console, whether this file runs compiled (dist/apps/api/http) or from source (apps/api/http, tests). */
export function consoleDirectory(): string | undefined {
  return [join(__dirname, '..', '..', '..', 'console'), join(__dirname, '..', '..', '..', 'dist', 'console')]
    .find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * The console is static files calling the admin API on the same origin, so the policy allows nothing else:
 * no third-party scripts, no framing. Mantine sets inline style attributes, hence 'unsafe-inline' for styles only.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

function setSecurityHeaders(res: Response): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** Serves the built console at /console: hashed assets cached for good, every other path the app's index.html. */
export function serveConsole(app: NestExpressApplication): void {
  const dir = consoleDirectory();
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.originalUrl === CONSOLE_PATH) return res.redirect(301, `${CONSOLE_PATH}/`);
    setSecurityHeaders(res);
    if (!dir) {
      res.status(404).type('text/plain').send('The console is not built: run `npm run build` (it builds the API and the console).');
      return;
    }
    next();
  });
  if (!dir) return;
  app.useStaticAssets(dir, {
    prefix: `${CONSOLE_PATH}/`,
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes(`${join('console', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
