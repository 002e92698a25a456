import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventsHealthModule } from '@provisio/events';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis-health.indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), EventsHealthModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator],
})
export class HealthModule {}
