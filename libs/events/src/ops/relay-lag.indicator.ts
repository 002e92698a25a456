import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { outboxStats } from './outbox-stats';

/**
 * Seconds the oldest event may wait for the relay before readiness reports it down. Generous on purpose:
 * a worker restart or a short Redis blip must not flap readiness, a stopped relay must show within minutes.
 */
export const RELAY_LAG_THRESHOLD_SECONDS = 300;

/**
 * Readiness detail for event delivery: how long the oldest event has waited to be queued (relay lag) and to
 * be handed to every subscriber (delivery lag). Down when the relay lag passes the threshold: no worker is
 * running, or Redis has been unreachable for that long.
 */
@Injectable()
export class RelayLagIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'events') {
    const indicator = this.health.check(key);
    const stats = await outboxStats(this.dataSource);
    const details = {
      relayLagSeconds: stats.oldestUnpublishedAgeSeconds ?? 0,
      deliveryLagSeconds: stats.oldestUndispatchedAgeSeconds ?? 0,
      unpublished: stats.unpublished,
      undispatched: stats.undispatched,
      thresholdSeconds: RELAY_LAG_THRESHOLD_SECONDS,
    };
    if (details.relayLagSeconds > RELAY_LAG_THRESHOLD_SECONDS) {
      return indicator.down({ ...details, message: 'events are waiting for the relay: is a worker running and Redis reachable?' });
    }
    return indicator.up(details);
  }
}
