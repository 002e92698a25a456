import { BadRequestError } from '@provisio/observability';

/** A URL that may not be used as a webhook or connector target; a 400 when it comes from the admin API. */
export class OutboundTargetError extends BadRequestError {}

/** The destination resolved to an address the SSRF policy forbids; retrying cannot help. */
export class OutboundBlockedError extends Error {
  constructor(readonly hostname: string, readonly address: string) {
    super(`Refused to connect to ${hostname} (${address}): private, loopback or otherwise non-public address; add it to OUTBOUND_ALLOWED_HOSTS to allow it`);
    this.name = 'OutboundBlockedError';
  }
}

export type NetworkFailure = 'timeout' | 'connect' | 'dns' | 'reset' | 'other';

/** The request did not get a complete HTTP response: worth retrying. */
export class OutboundNetworkError extends Error {
  constructor(readonly failure: NetworkFailure, message: string) {
    super(message);
    this.name = 'OutboundNetworkError';
  }
}
