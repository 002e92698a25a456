import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { currentTraceparent, inStoredTrace, spanContextOf } from './stored-trace';

const STORED = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('a trace carried through the outbox', () => {
  const exporter = new InMemorySpanExporter();
  const contextManager = new AsyncLocalStorageContextManager();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
  });

  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('stores nothing when no span is in progress', () => {
    expect(currentTraceparent()).toBeNull();
    expect(spanContextOf(null)).toBeUndefined();
  });

  it('continues the stored trace: the work runs in a child span whose traceparent goes out with its requests', async () => {
    const seen = await inStoredTrace('webhook delivery', STORED, { 'provisio.delivery.id': 'd1' }, async () => currentTraceparent());
    await provider.forceFlush();
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('webhook delivery');
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(seen).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`);
  });

  it('marks the span failed and rethrows', async () => {
    exporter.reset();
    await expect(inStoredTrace('connector call', STORED, {}, async () => {
      throw new TypeError('boom');
    })).rejects.toThrow('boom');
    await provider.forceFlush();
    expect(exporter.getFinishedSpans()[0].status).toEqual({ code: 2, message: 'TypeError' });
  });

  it('reads a stored traceparent as a span context for links', () => {
    expect(spanContextOf(STORED)).toEqual(expect.objectContaining({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', isRemote: true }));
  });
});
