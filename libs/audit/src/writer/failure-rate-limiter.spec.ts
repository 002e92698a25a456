import { FailureRateLimiter } from './failure-rate-limiter';

describe('FailureRateLimiter', () => {
  const limiter = (burst = 3, refillMs = 1000, maxKeys = 100) => {
    const l = new FailureRateLimiter();
    let now = 0;
    l.limits = { burst, refillMs, maxKeys };
    l.now = () => now;
    return { l, advance: (ms: number) => (now += ms) };
  };

  it('records a burst, then counts what it suppresses and reports the count on the next recorded failure', () => {
    const { l, advance } = limiter();
    expect([1, 2, 3].map(() => l.take('k'))).toEqual([1, 2, 3].map(() => ({ record: true, suppressedBefore: 0 })));
    expect(l.take('k')).toEqual({ record: false });
    expect(l.take('k')).toEqual({ record: false });
    advance(1000);
    expect(l.take('k')).toEqual({ record: true, suppressedBefore: 2 });
    expect(l.take('k')).toEqual({ record: false });
  });

  it('keeps keys apart, so one noisy client does not silence another', () => {
    const { l } = limiter(1);
    expect(l.take('a').record).toBe(true);
    expect(l.take('a').record).toBe(false);
    expect(l.take('b').record).toBe(true);
  });

  it('refills to the burst size, never beyond, after a quiet period', () => {
    const { l, advance } = limiter(2);
    l.take('k');
    l.take('k');
    advance(60_000);
    expect([l.take('k').record, l.take('k').record, l.take('k').record]).toEqual([true, true, false]);
  });

  it('bounds memory: the oldest key is dropped beyond maxKeys', () => {
    const { l } = limiter(1, 1000, 2);
    l.take('a');
    l.take('b');
    l.take('c'); // drops 'a', whose bucket starts full again
    expect(l.take('a').record).toBe(true);
  });
});
