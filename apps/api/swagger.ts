import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@provisio/config';
import { documentScim } from '@provisio/scim';
import { sandboxPreauthorizationScript } from './sandbox/sandbox-preauthorization';

export const SWAGGER_UI_PATH = 'api/doc/scim_rest';
export const SWAGGER_JSON_PATH = 'api/doc/scim_rest-json';
export const SCIM_BEARER = 'scim-token';

/**
 * The sandbox: one document, SCIM first (what a SCIM developer opens it for), then the admin API
 * that issues the tokens. Neither token is a JWT, so bearerFormat names what they are. Authorisations
 * live only as long as the page: persisting them would keep the ADMIN_TOKEN in localStorage.
 */
export function setupSwagger(app: INestApplication, config: AppConfig): void {
  const builder = new DocumentBuilder()
    .setTitle('Provisio SCIM 2.0 API')
    .setDescription(
      'SCIM 2.0 service provider (RFC 7643/7644) for Microsoft Entra ID and Okta, plus the admin API that manages tenants and their tokens.\n\n' +
        '**Try SCIM:** "Authorize" → *scim-token* with a tenant\'s SCIM token (`npm start` pre-authorises its sandbox tenant\'s token in development; ' +
        'otherwise `POST /admin/v1/tenants` then `POST /admin/v1/tenants/{id}/tokens` with the *admin-token*), then "Try it out" on POST /scim/v2/Users and GET /scim/v2/Users.\n\n' +
        'Requests may be `application/scim+json` or `application/json`; the SCIM base `/scim` answers too (not listed here).',
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'scim_… token or OAuth access token', description: 'A tenant\'s SCIM token (scim_…) or an access token from POST /oauth/token' }, SCIM_BEARER)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'ADMIN_TOKEN or operator key', description: 'The ADMIN_TOKEN (`npm start` prints it and where it is kept) or an operator key (opk_…; auditor keys may only GET)' }, 'admin-token');
  const document = documentScim(SwaggerModule.createDocument(app, builder.build()));
  SwaggerModule.setup(SWAGGER_UI_PATH, app, document, {
    jsonDocumentUrl: SWAGGER_JSON_PATH,
    customSiteTitle: 'Provisio SCIM sandbox',
    swaggerOptions: { persistAuthorization: false, displayRequestDuration: true, tryItOutEnabled: false },
    customJsStr: config.sandboxScimToken ? sandboxPreauthorizationScript(SCIM_BEARER, config.sandboxScimToken) : undefined,
  });
}
