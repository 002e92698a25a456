import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { OAuthError } from './oauth-error';

@Catch(OAuthError)
export class OAuthErrorFilter implements ExceptionFilter {
  catch(error: OAuthError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error.basicChallenge) res.setHeader('WWW-Authenticate', 'Basic realm="provisio"');
    res.setHeader('Cache-Control', 'no-store');
    res.status(error.status).json({ error: error.error, error_description: error.description });
  }
}
