import { LatencyRecorder, percentile } from './latency-recorder';

describe('LatencyRecorder', () => {
  it('reports nearest-rank percentiles of the recorded samples', () => {
    const recorder = new LatencyRecorder();
    for (let ms = 1; ms <= 100; ms++) recorder.record(ms);
    expect(recorder.summary()).toMatchObject({ count: 100, errors: 0, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentile([], 99)).toBe(0);
    expect(percentile([7], 50)).toBe(7);
  });

  it('counts unexpected statuses as errors, not as timed samples', () => {
    const recorder = new LatencyRecorder();
    recorder.record(5);
    recorder.error(500);
    recorder.error(500);
    recorder.error(409);
    expect(recorder.summary()).toMatchObject({ count: 1, errors: 3, statuses: { '500': 2, '409': 1 } });
  });

  it('summarises a slice (first and last batches) and a rate over a wall time', () => {
    const recorder = new LatencyRecorder();
    [10, 20, 30, 40].forEach((ms) => recorder.record(ms));
    expect(recorder.summary(undefined, 2, 4)).toMatchObject({ count: 2, p50: 30, max: 40 });
    expect(recorder.summary(2000).perSecond).toBe(2);
  });

  it('merges another recorder: samples and errors of both phases', () => {
    const a = new LatencyRecorder();
    const b = new LatencyRecorder();
    a.record(1);
    b.record(3);
    b.error(503);
    a.merge(b);
    expect(a.summary()).toMatchObject({ count: 2, errors: 1, max: 3, statuses: { '503': 1 } });
  });
});
