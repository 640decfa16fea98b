import type { RunReport } from '../report';

export function formatJson(report: RunReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
