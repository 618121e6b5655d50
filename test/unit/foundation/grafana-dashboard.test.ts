import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/platform/observability/metrics.js';

const dashboard = JSON.parse(
  readFileSync(new URL('../../../config/grafana/tvet-adapter-dashboard.json', import.meta.url), 'utf8'),
) as { panels: { title: string; targets: { expr: string }[] }[] };

/** Every series a panel asks for, without the histogram and counter suffixes Prometheus adds. */
const asked = dashboard.panels.flatMap((p) =>
  p.targets.flatMap((t) => [...t.expr.matchAll(/\b(tvet_[a-z_]+)/g)].map((m) => m[1]!.replace(/_bucket$/, ''))),
);

describe('the Grafana dashboard', () => {
  it('asks only for metrics the adapter exports', async () => {
    const counted = (await createMetrics().registry.getMetricsAsJSON()).map((m) => m.name);
    const scraped = [
      'tvet_consumer_lag',
      'tvet_outbox_backlog',
      'tvet_outbox_oldest_age_seconds',
      'tvet_open_applications',
      'tvet_sla_applications',
      'tvet_identity_checks_in_flight',
      'tvet_pending_timers',
    ];
    for (const name of asked) expect([...counted, ...scraped], name).toContain(name);
  });
});
