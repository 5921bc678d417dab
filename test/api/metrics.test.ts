/**
 * `/metrics` (issue 14, "Operations") in Prometheus text format, parsed here line by line: HTTP latency by route
 * template (not by URL), job queue backlog and age, outbox rows not relayed, platform calls by outcome, process
 * metrics. Real app, real store and pg-boss; the numbers are compared with what the test itself did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCommunicationLog } from '../../src/store/communication-log.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** `name{labels} value` lines of the exposition format, as [series, value]. */
async function scrape(): Promise<Map<string, number>> {
  const response = await h.app.inject({ url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  const series = new Map<string, number>();
  for (const line of response.body.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    series.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return series;
}

describe('GET /metrics', () => {
  it('counts requests by route template, method and status', async () => {
    for (const key of ['A-1', 'B-2', 'C-3']) await h.asErp(h.tokens.sul, `/api/v1/customers/${key}`);
    const series = await scrape();
    const count = series.get(
      'finconsole_http_request_duration_seconds_count{method="GET",route="/api/v1/customers/:erpKey",status="404"}',
    );
    expect(count).toBe(3);
    expect([...series.keys()].some((key) => key.includes('A-1'))).toBe(false);
    expect(series.get('finconsole_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows the job queue backlog, the outbox and platform calls', async () => {
    await h.jobs.createQueue('metrics.test');
    await h.jobs.send('metrics.test', { n: 1 });
    await h.jobs.send('metrics.test', { n: 2 });
    await appendCommunicationLog(
      h.store.db,
      ['ok', 'ok', 'error'].map((outcome) => ({
        platform: 'efi',
        operation: 'register',
        direction: 'out',
        outcome,
      })),
    );
    const series = await scrape();
    expect(series.get('finconsole_job_queue_waiting{queue="metrics.test"}')).toBe(2);
    expect(series.get('finconsole_job_queue_oldest_seconds{queue="metrics.test"}')).toBeGreaterThanOrEqual(0);
    expect(series.get('finconsole_platform_calls{platform="efi",outcome="ok"}')).toBe(2);
    expect(series.get('finconsole_platform_calls{platform="efi",outcome="error"}')).toBe(1);
  });
});
