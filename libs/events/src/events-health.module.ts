import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RelayLagIndicator } from './ops/relay-lag.indicator';

/** Provides RelayLagIndicator for apps/api's /health/ready. */
@Module({
  imports: [TerminusModule],
  providers: [RelayLagIndicator],
  exports: [RelayLagIndicator],
})
export class EventsHealthModule {}
