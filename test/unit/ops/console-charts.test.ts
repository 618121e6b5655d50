import { describe, expect, it } from 'vitest';
import { chart, phasesChart, scriptJson, slaChart } from '../../../src/ops/console/charts.js';

describe('console charts', () => {
  it('stacks the phase counts by channel: one bar per phase, one dataset per channel, the same total', () => {
    const rows = [
      { phase: 'UNDER_REVIEW', channel: 'PSC', count: 2 },
      { phase: 'AWAITING_REGISTRATION', channel: 'PORTAL', count: 3 },
      { phase: 'UNDER_REVIEW', channel: 'PORTAL', count: 1 },
    ];
    const c = phasesChart(rows);
    expect(c.data.labels).toEqual(['AWAITING_REGISTRATION', 'UNDER_REVIEW']);
    expect(c.data.datasets).toEqual([
      { label: 'PORTAL', data: [3, 1] },
      { label: 'PSC', data: [0, 2] },
    ]);
    expect(c.options).toMatchObject({ scales: { x: { stacked: true }, y: { stacked: true } } });
    expect(phasesChart([]).data).toEqual({ labels: [], datasets: [] });
  });

  it('shows at risk and breached', () => {
    expect(slaChart({ atRisk: 4, breached: 1 }).data.datasets[0]!.data).toEqual([4, 1]);
  });

  it('embeds the configuration as JSON no text can break out of, read back unchanged', () => {
    const evil = { label: '</script><script>alert(1)</script><!-- & \u2028' };
    const text = scriptJson(evil);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(evil);
    const config = { ...slaChart({ atRisk: 0, breached: 0 }), data: { labels: [evil.label], datasets: [] } };
    const out = chart('x-chart', '"label"', config).value;
    expect(out.match(/<\/script>/g)).toHaveLength(1);
    expect(out).toContain('aria-label="&quot;label&quot;"');
    const json = /<script type="application\/json" data-chart="x-chart">([^<]*)<\/script>/.exec(out)![1]!;
    expect(JSON.parse(json)).toEqual(config);
  });
});
