import { describe, expect, it } from 'vitest';
import { html, page } from '../../../src/ops/console/html.js';

describe('console templates', () => {
  it('escapes every interpolated value, keeps nested templates and arrays of them', () => {
    const id = '<script>alert("x")</script>&';
    const cells = [1, 2].map((n) => html`<i>${n}</i>`);
    expect(html`<td>${id}</td>`.value).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</td>');
    expect(html`${cells}${null}${false}${undefined}`.value).toBe('<i>1</i><i>2</i>');
  });

  it('escapes the title and has no form that posts', () => {
    const text = page('<b>', html`<p>x</p>`);
    expect(text).toContain('<h1>&lt;b&gt;</h1>');
    expect(text).not.toMatch(/method="post"/i);
  });

  it('loads the chart scripts only on a page with charts, from the console itself', () => {
    expect(page('t', html`<p>x</p>`)).not.toContain('<script');
    const text = page('t', html`<p>x</p>`, { charts: true });
    expect(text.indexOf('src="/console/assets/chart.js"')).toBeLessThan(
      text.indexOf('src="/console/assets/charts.js"'),
    );
  });
});
