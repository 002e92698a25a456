import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const SWAGGER_UI_PATH = 'api/doc/scim_rest';
export const SWAGGER_JSON_PATH = 'api/doc/scim_rest-json';
export const SCIM_BEARER = 'scim-token';

/** The sandbox: SCIM endpoints (Authorize with a tenant's SCIM token) and the admin API (Authorize with ADMIN_TOKEN). */
export function setupSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Provisio SCIM 2.0 API')
    .setDescription(
      'SCIM 2.0 service provider (RFC 7643/7644) for Microsoft Entra ID and Okta, plus the admin API. ' +
        'Use "Authorize" with a SCIM token (from POST /admin/v1/tenants/{id}/tokens) for /scim/v2 and with the ADMIN_TOKEN for /admin/v1.',
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Tenant SCIM token or OAuth access token' }, SCIM_BEARER)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' }, 'admin-token')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(SWAGGER_UI_PATH, app, document, {
    jsonDocumentUrl: SWAGGER_JSON_PATH,
    swaggerOptions: { persistAuthorization: true },
    customSiteTitle: 'Provisio SCIM sandbox',
  });
}
