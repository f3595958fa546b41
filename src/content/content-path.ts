import { evidenceKinds } from '../model/evidence.ts';

/** What a file under content/ is, decided from its path alone. */
export type ContentPath =
  | { area: 'registry'; contractId: string; name: string }
  | { area: 'calendar'; year: number }
  | {
      area: 'evidence';
      contractId: string;
      period: string;
      /** `undefined` for `_pkg`. */
      unitId?: string;
      /** `undefined` for `_unit`. */
      itemNo?: number;
      kind: string;
      id: string;
      format: 'mdx' | 'json';
    }
  | { area: 'review'; contractId: string; period: string; name: string }
  | { area: 'attachment'; sha256: string; ext: string }
  | {
      area: 'invalid';
      code: 'path/layout' | 'path/extension' | 'path/unknown-kind';
      params: Record<string, string>;
    }
  | { area: 'unknown' };

const segment = /^[a-z0-9][a-z0-9-]*$/;
const periodLabel = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Longest kinds first so that `status-change-001` is not read as kind `status`. */
const kindsByLength = [...evidenceKinds].sort((a, b) => b.length - a.length);

/** Classifies a POSIX path relative to the content root. */
export function classifyContentPath(relative: string): ContentPath {
  const parts = relative.split('/');
  const [area] = parts;
  const layout = (detail: string): ContentPath => ({
    area: 'invalid',
    code: 'path/layout',
    params: { detail },
  });
  if (area === 'contracts') {
    const [, contractId, name] = parts;
    if (parts.length !== 3 || !contractId || !name || !segment.test(contractId)) {
      return layout('合同登记文件应为 contracts/<合同编号>/<文件>.json');
    }
    if (!name.endsWith('.json'))
      return { area: 'invalid', code: 'path/extension', params: { ext: extOf(name) } };
    return { area: 'registry', contractId, name: name.slice(0, -'.json'.length) };
  }
  if (area === 'calendars') {
    const match = parts.length === 2 ? /^cn-(\d{4})\.json$/.exec(parts[1] ?? '') : null;
    if (!match) return layout('工作日历文件应为 calendars/cn-<年份>.json');
    return { area: 'calendar', year: Number(match[1]) };
  }
  if (area === 'attachments') {
    const [, prefix, name] = parts;
    const match = /^([0-9a-f]{64})\.([a-z0-9]{1,8})$/.exec(name ?? '');
    if (parts.length !== 3 || !match || match[1]?.slice(0, 2) !== prefix) {
      return layout('附件应为 attachments/<sha256前两位>/<sha256>.<扩展名>');
    }
    return { area: 'attachment', sha256: match[1] ?? '', ext: match[2] ?? '' };
  }
  if (area === 'reviews') {
    const [, contractId, period, name] = parts;
    if (
      parts.length !== 4 ||
      !contractId ||
      !period ||
      !name ||
      !segment.test(contractId) ||
      !periodLabel.test(period)
    ) {
      return layout('评审文件应为 reviews/<合同>/<考核期 YYYY-MM>/<名称>.json');
    }
    if (!name.endsWith('.json'))
      return { area: 'invalid', code: 'path/extension', params: { ext: extOf(name) } };
    return { area: 'review', contractId, period, name: name.slice(0, -'.json'.length) };
  }
  if (area === 'evidence') {
    const [, contractId, period, unit, item, name] = parts;
    if (parts.length !== 6 || !contractId || !period || !unit || !item || !name) {
      return layout('证据应为 evidence/<合同>/<考核期>/<单位|_pkg>/<事项序号|_unit>/<类型>-<序号>.mdx|json');
    }
    if (!segment.test(contractId)) return layout(`合同编号 ${contractId} 只能包含小写字母、数字和连字符`);
    if (!periodLabel.test(period)) return layout(`考核期目录 ${period} 应为 YYYY-MM`);
    if (unit !== '_pkg' && !/^U\d{2}$/.test(unit)) return layout(`单位目录 ${unit} 应为 U01…U99 或 _pkg`);
    if (item !== '_unit' && !/^[1-9]\d{0,2}$/.test(item))
      return layout(`事项目录 ${item} 应为事项序号或 _unit`);
    if (unit === '_pkg' && item !== '_unit') return layout('_pkg 下只能有 _unit 目录');
    const dot = name.lastIndexOf('.');
    const ext = dot === -1 ? '' : name.slice(dot + 1);
    if (ext !== 'mdx' && ext !== 'json')
      return { area: 'invalid', code: 'path/extension', params: { ext: ext || '（无）' } };
    const stem = name.slice(0, dot);
    const kind = kindsByLength.find((k) => stem.startsWith(`${k}-`));
    if (!kind) {
      return {
        area: 'invalid',
        code: 'path/unknown-kind',
        params: { kind: stem.replace(/-[^-]*$/, ''), allowed: evidenceKinds.join('、') },
      };
    }
    const seq = stem.slice(kind.length + 1);
    if (!segment.test(seq)) return layout(`序号 ${seq} 只能包含小写字母、数字和连字符`);
    return {
      area: 'evidence',
      contractId,
      period,
      ...(unit === '_pkg' ? {} : { unitId: unit }),
      ...(item === '_unit' ? {} : { itemNo: Number(item) }),
      kind,
      id: `${contractId}/${period}/${unit}/${item}/${stem}`,
      format: ext,
    };
  }
  return { area: 'unknown' };
}

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '（无）' : name.slice(dot);
}
