import { ScenarioResult } from '../scenarios/scenario';

const COLUMNS = ['count', 'errors', 'perSecond', 'p50', 'p95', 'p99', 'max'] as const;

function pad(value: string, width: number, left = false): string {
  return left ? value.padEnd(width) : value.padStart(width);
}

/** A compact fixed-width table per scenario, then its figures and targets, on stdout. */
export function printResult(result: ScenarioResult): void {
  const labelWidth = Math.max(5, ...result.rows.map((r) => r.label.length));
  const cell = (v: number | undefined): string => (v === undefined ? '-' : String(v));
  const lines = [
    `\n== ${result.scenario} ${JSON.stringify(result.params)}  (load ${result.loadAverage.before.toFixed(2)} -> ${result.loadAverage.after.toFixed(2)})`,
    `${pad('', labelWidth, true)}  ${COLUMNS.map((c) => pad(c === 'perSecond' ? 'req/s' : c, 9)).join(' ')}   (ms)`,
    ...result.rows.map((row) => `${pad(row.label, labelWidth, true)}  ${COLUMNS.map((c) => pad(cell(row[c]), 9)).join(' ')}`
      + (row.statuses ? `   statuses ${JSON.stringify(row.statuses)}` : '')),
  ];
  const figures = Object.entries(result.figures).map(([k, v]) => `${k}=${v}`).join('  ');
  if (figures) lines.push(figures);
  for (const t of result.targets) lines.push(`${t.met ? 'MET    ' : 'NOT MET'}  ${t.target}: ${t.measured}`);
  console.log(lines.join('\n'));
}
