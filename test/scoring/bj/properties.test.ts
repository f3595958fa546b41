import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact } from '../../../src/decimal/index.ts';
import { serializeLedger } from '../../../src/ledger/index.ts';
import { scoreBjPeriod } from '../../../src/scoring/bj/index.ts';
import type { BjInputBuilder } from './builders.ts';
import { november2026 } from './builders.ts';

function richNovember(): BjInputBuilder {
  const b = november2026();
  b.review('event', '2026-11', 'ev-r11', { ruleId: 'BJ-R11', occurredAt: '2026-11-20T10:00:00+08:00', descriptionZh: '变更未走审批', evidence: [], status: 'final', proposedBy: 'reviewer' });
  b.review('doc-quality', '2026-11', 'dq-1', { documentId: 'bj-kw-2026-p4/2026-11/_pkg/_unit/report-006', reviewedAt: '2026-11-06T10:00:00+08:00', typoCount: 7, inaccuracies: ['可用率写错'] });
  b.review('ranking', '2026-11', 'rank-1', { metric: 'fault-count', rank: 2, population: 12, average: '3.5', value: '1' });
  b.add('survey', '2026-11', { issuedAt: '2026-11-02T09:00:00+08:00', result: '满意', respondedAt: '2026-11-06T09:00:00+08:00' });
  b.add('attendance', '2026-11', { staffId: 'BJ-S1', date: '2026-11-03', type: 'late', minutes: 61, sourceZh: '门禁' }, { valid: false });
  return b;
}

describe('determinism', () => {
  it('two runs give byte-identical ledgers', () => {
    const input = richNovember().input('2026-11');
    expect(serializeLedger(scoreBjPeriod(input))).toBe(serializeLedger(scoreBjPeriod(input)));
  });

  it('permuting evidence and reviews never changes the serialised ledger', () => {
    const base = richNovember().input('2026-11');
    const expected = serializeLedger(scoreBjPeriod(base));
    const n = base.evidence.length;
    const m = base.reviews.length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...base.evidence], { minLength: n, maxLength: n }),
        fc.shuffledSubarray([...base.reviews], { minLength: m, maxLength: m }),
        (evidence, reviews) => serializeLedger(scoreBjPeriod({ ...base, evidence, reviews })) === expected,
      ),
      { numRuns: 25 },
    );
  });

  it('each late arrival of 1…60 minutes costs exactly 0.5 and each of 61…1440 exactly 2', () => {
    const base = scoreBjPeriod(november2026().input('2026-11')).package.score;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), (minutes) => {
        const b = november2026();
        b.add('attendance', '2026-11', { staffId: 'BJ-S1', date: '2026-11-24', type: 'late', minutes, sourceZh: '门禁' });
        const score = scoreBjPeriod(b.input('2026-11')).package.score;
        return exact(base).sub(score).eq(minutes <= 60 ? '0.5' : '2');
      }),
      { numRuns: 20 },
    );
  });
});
