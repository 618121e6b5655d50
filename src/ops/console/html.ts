/**
 * The console's templates: a tagged template that escapes every interpolated value with
 * escape-html (a kept library), unless it is already HTML made by `html`, and the page layout.
 */
import escapeHtml from 'escape-html';

/** HTML built by `html`: inserted as is into another template. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function part(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v instanceof Date ? v.toISOString() : String(v));
}

/** `html\`<td>${value}</td>\``: values escaped, nested `html` and arrays of it kept. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

const NAV: Array<[string, string]> = [
  ['/console', 'Phases'],
  ['/console/overdue', 'Stuck and overdue'],
  ['/console/dlq', 'Dead letters'],
  ['/console/calendar', 'Calendar'],
];

/** The scripts that draw a page's charts (`chart` in charts.ts), served by the console (assets.ts). */
const CHART_SCRIPTS = html`<script src="/console/assets/chart.js"></script>
  <script src="/console/assets/charts.js"></script>`;

/**
 * A whole page: title, the console's menu, the body, and with `charts` the scripts that draw its
 * charts. Read-only: no form posts anywhere.
 */
export function page(title: string, body: Html, o: { charts?: boolean } = {}): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} - TVET duplicate adapter console</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            margin: 1.5rem;
          }
          nav a {
            margin-right: 1rem;
          }
          table {
            border-collapse: collapse;
            margin: 0.5rem 0 1rem;
          }
          th,
          td {
            border: 1px solid #ccc;
            padding: 0.2rem 0.5rem;
            text-align: left;
            vertical-align: top;
          }
          td.data {
            font-family: monospace;
            font-size: 0.85em;
            max-width: 60rem;
            word-break: break-all;
          }
          .bad {
            color: #a00;
            font-weight: bold;
          }
          .chart {
            height: 18rem;
            max-width: 60rem;
          }
        </style>
      </head>
      <body>
        <nav>${NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`)}</nav>
        <h1>${title}</h1>
        ${body} ${o.charts ? CHART_SCRIPTS : null}
      </body>
    </html> `.value;
}
