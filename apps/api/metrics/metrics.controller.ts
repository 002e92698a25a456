import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { AppError, currentTelemetry } from '@provisio/observability';
import { AdminApi } from '@provisio/tenancy';
import type { Request, Response } from 'express';

/** Prometheus scrape endpoint of the API process (docs/operations.md). Never public: it names routes and tenants. */
@AdminApi('Admin: operations')
@Controller('metrics')
export class MetricsController {
  @Get()
  @ApiOperation({
    summary: 'Metrics of this API process in the Prometheus text format',
    description: 'Request durations by route and status, SCIM operations by resource, operation and outcome. Scrape every API replica.',
  })
  @ApiOkResponse({ description: 'text/plain; version=0.0.4' })
  @ApiServiceUnavailableResponse({ description: 'OpenTelemetry is off in this process (OTEL_SDK_DISABLED=true)' })
  scrape(@Req() req: Request, @Res() res: Response): void {
    const telemetry = currentTelemetry();
    if (!telemetry) throw new AppError(503, 'Metrics are off in this process (OTEL_SDK_DISABLED=true)');
    telemetry.prometheus.getMetricsRequestHandler(req, res);
  }
}
