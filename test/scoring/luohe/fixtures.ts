// The worked examples of spec §7.1–7.2 (service month k = 5, label 2026-10) as builder calls.
import { at, Builder, fullMonth, standingDocs } from './builders.ts';

export const ASOF = at('2026-11-20', '12:00');

/** Four fully compliant history months (k = 1…4, all 优秀) and the standing documents. */
export function history(b: Builder): void {
  standingDocs(b);
  for (const label of ['2026-06', '2026-07', '2026-08', '2026-09']) fullMonth(b, label);
}

/** §7.1 市气象局 (U10). */
export function u10(b: Builder): void {
  b.satisfaction('U10', '2026-10', ['满意', '满意', '基本满意', '满意', '满意'], at('2026-11-06', '15:00'));
  b.visit('U10', at('2026-10-16'));
  for (const d of ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02']) b.inspection('U10', [62], at(d));
  for (const d of ['2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01', '2026-11-08']) b.backup('U10', 'S62', at(d, '02:00'));
  b.scan('U10', ['S62'], at('2026-10-14'));
  b.fault('U10', 62, {
    ticketNo: 'GD-20261021-01',
    level: 3,
    systemId: 'S62',
    reportedAt: at('2026-10-21', '10:00'),
    respondedAt: at('2026-10-21', '10:15'),
    resolvedAt: at('2026-10-22', '09:00'),
    analysisReport: { sha256: 'b'.repeat(64), mime: 'application/pdf', titleZh: '故障分析报告' },
  });
  b.vuln('U10', 62, {
    vulnId: 'VU-20261020-01',
    systemId: 'S62',
    severity: '中危',
    foundAt: at('2026-10-20', '14:00'),
    respondedAt: at('2026-10-20', '16:00'),
    mitigatedAt: at('2026-11-01', '10:00'),
    mitigationZh: '访问控制',
  });
}

/** §7.2 市水利局 (U07). */
export function u07(b: Builder): void {
  b.satisfaction('U07', '2026-10', ['满意', '满意', '基本满意', '基本满意', '满意'], at('2026-11-05', '11:00'), { dissatisfactionReasonsZh: '响应偏慢' });
  b.visit('U07', at('2026-10-20'));
  const dates: Record<number, string[]> = {
    46: ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'],
    47: ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'],
    51: ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-06'],
    52: ['2026-10-12', '2026-10-19', '2026-11-02'],
    53: ['2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03'],
  };
  for (const [item, list] of Object.entries(dates)) for (const d of list) b.inspection('U07', [Number(item)], at(d, '09:30'));
  for (const d of ['2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01']) b.backup('U07', 'S51a', at(d, '02:00'));
  for (const d of ['2026-10-11', '2026-10-25']) b.backup('U07', 'S53', at(d, '02:00'));
  b.scan('U07', ['S46', 'S47'], at('2026-10-14'));
  b.scan('U07', ['S51a'], at('2026-10-15'));
  b.fault('U07', 53, {
    ticketNo: 'GD-20261027-01',
    level: 2,
    systemId: 'S53',
    reportedAt: at('2026-10-27', '09:00'),
    respondedAt: at('2026-10-27', '09:08'),
    resolvedAt: at('2026-10-27', '14:30'),
    escalation: { centerAt: at('2026-10-27', '09:05'), unitAt: at('2026-10-27', '09:06') },
    sealedReport: { sha256: 'c'.repeat(64), mime: 'application/pdf', titleZh: '重大事件报告', sealed: true },
  });
  b.vuln('U07', 51, {
    vulnId: 'VU-20261015-01',
    systemId: 'S51a',
    severity: '高危',
    foundAt: at('2026-10-15', '10:00'),
    respondedAt: at('2026-10-15', '10:40'),
    fixedAt: at('2026-10-21', '16:00'),
    verification: { by: 'center', at: at('2026-10-23'), result: 'passed' },
  });
  b.vuln('U07', 51, {
    vulnId: 'VU-20261103-01',
    systemId: 'S51a',
    severity: '高危',
    source: 'center-review',
    recurrenceOf: 'VU-20261015-01',
    foundAt: at('2026-11-03', '09:00'),
    respondedAt: at('2026-11-03', '09:30'),
    fixedAt: at('2026-11-06', '15:00'),
  });
}

/** Month 2026-10 for the package: every other unit fully compliant, U07 and U10 as in §7, reports and receipt. */
export function october(b: Builder, options: { others?: boolean } = {}): void {
  const others = ['U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U08', 'U09'];
  if (options.others !== false) fullMonth(b, '2026-10', others);
  u07(b);
  u10(b);
  b.report('monthly', '2026-10-10', '2026-11-09', at('2026-11-09', '18:00'), ['U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'U08', 'U09', 'U10']);
  b.paperReceipt('2026-10', at('2026-11-09', '20:00'));
}

/** The whole worked-example input: history + October. */
export function workedExample(): Builder {
  const b = new Builder();
  history(b);
  october(b);
  return b;
}
