import { parseInstant } from '../../calendar/index.ts';
import type { Exact } from '../../decimal/index.ts';
import { exact } from '../../decimal/index.ts';
import type { RankingInput } from '../../model/index.ts';
import type { RankingBand } from '../../model/registry.ts';
import type { BjContext, BjLine } from './context.ts';
import { refOf, reviewsInWindow } from './context.ts';
import { pointsPhraseZh } from './format-zh.ts';
import { counted } from './lines.ts';
import { rankingBandsOf } from './rule-table.ts';

function positionZh(bands: readonly RankingBand[], position: RankingBand['position']): string {
  const n = (pos: RankingBand['position']): number => bands.find((b) => b.position === pos)?.n ?? 0;
  switch (position) {
    case 'top-n':
      return `前 ${n('top-n')} 名`;
    case 'to-average':
      return `第 ${n('top-n') + 1} 名至平均值`;
    case 'below-average':
      return '劣于平均值';
    case 'bottom-n':
      return `最后 ${n('bottom-n')} 名`;
  }
}

/**
 * Points of a ranking (spec §5.3 R43/R47, B6). Rank 1 is the best. "Worse than average" is a higher value for
 * fault counts and a lower value for cloud efficiency. Base band: top-n, else a non-cumulative bottom-n, else
 * below-average, else to-average; a cumulative bottom-n band ("最后三名，加扣 0.5 分") adds to the base band.
 */
export function rankingPoints(bands: readonly RankingBand[], input: Pick<RankingInput, 'metric' | 'rank' | 'population' | 'average' | 'value'>): { points: Exact; positions: RankingBand['position'][] } {
  const find = (pos: RankingBand['position'], cumulative: boolean): RankingBand | undefined =>
    bands.find((b) => b.position === pos && b.cumulative === cumulative);
  const inTop = (b: RankingBand | undefined): boolean => b !== undefined && input.rank <= (b.n ?? 0);
  const inBottom = (b: RankingBand | undefined): boolean => b !== undefined && input.rank > input.population - (b.n ?? 0);
  const cmp = exact(input.value).compare(input.average);
  const worse = input.metric === 'fault-count' ? cmp > 0 : cmp < 0;
  const top = find('top-n', false);
  const bottom = find('bottom-n', false);
  const below = find('below-average', false);
  const to = find('to-average', false);
  let base: RankingBand | undefined;
  if (inTop(top)) base = top;
  else if (inBottom(bottom)) base = bottom;
  else if (worse && below) base = below;
  else base = to;
  let points = exact(base?.points ?? '0');
  const positions: RankingBand['position'][] = base ? [base.position] : [];
  const extra = find('bottom-n', true);
  if (base !== top && inBottom(extra) && extra) {
    points = points.add(extra.points);
    positions.push('bottom-n');
  }
  return { points, positions };
}

/** R43 故障率排名 / R47 云上主机效率: one line per external ranking filed in the window; none → not applicable. */
export function scoreRankings(ctx: BjContext): BjLine[] {
  const out: BjLine[] = [];
  for (const rule of ctx.rules.rules.filter((r) => r.mode === 'ranking' && r.trigger.startsWith('ranking.'))) {
    const metric = rule.trigger.slice('ranking.'.length);
    const bands = rankingBandsOf(rule);
    for (const r of reviewsInWindow(ctx, 'ranking').filter((x) => x.data.metric === metric)) {
      const k = r.data;
      const { points, positions } = rankingPoints(bands, k);
      const where = positions.map((p) => positionZh(bands, p)).join('”及“');
      const metricZh = metric === 'fault-count' ? '4 级及以上故障数' : '政务云效率';
      out.push(
        counted(rule, points, `${k.sourceZh ?? '外部排名'}：${metricZh} ${k.value}（平均值 ${k.average}），排名 ${k.rank}/${k.population}，属“${where}”，${pointsPhraseZh(points)}`, [refOf(r, '/rank')], parseInstant(`${k.period}-01T00:00:00+08:00`)),
      );
    }
  }
  return out;
}
