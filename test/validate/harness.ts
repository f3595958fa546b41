import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkProject } from '../../src/validate/index.ts';

/** A content tree in a temp folder: the real registry and calendars plus the files a test writes. */
export function makeContent(
  files: Record<string, string | Uint8Array>,
  symlinks: Record<string, string> = {},
): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'omarc-check-'));
  const content = join(root, 'content');
  cpSync('content/contracts', join(content, 'contracts'), { recursive: true });
  cpSync('content/calendars', join(content, 'calendars'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  for (const [path, target] of Object.entries(symlinks)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    symlinkSync(target, join(content, path));
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs the checker on such a tree and returns `code line:col` for every diagnostic, file-relative. */
export async function diagnosticsOf(
  files: Record<string, string | Uint8Array>,
  symlinks: Record<string, string> = {},
) {
  const { root, dispose } = makeContent(files, symlinks);
  try {
    const result = await checkProject({ contentDir: 'content', cwd: root, cacheFile: false, workers: 1 });
    return result.diagnostics.map((d) => ({
      file: d.file,
      at: `${d.line}:${d.column}`,
      code: d.code,
      severity: d.severity,
      message: d.message,
      cause: d.cause,
    }));
  } finally {
    dispose();
  }
}

/** A valid Luohe fault ticket (U10, item 62) as MDX; tests edit it line by line. */
export const validFaultMdx = `---
kind: fault
contractId: luohe-2026-b
period: 2026-10
unitId: U10
itemNos: [62]
systemIds: [S62]
recordedBy: LH-S1
attachments: []
ticketNo: GD-20261021-01
itemNo: 62
systemId: S62
level: 3
categoryZh: 系统服务
reportedAt: 2026-10-21T10:00:00+08:00
reportedBy: unit
respondedAt: 2026-10-21T10:15:00+08:00
resolvedAt: 2026-10-22T09:00:00+08:00
causeZh: 应用服务进程内存溢出导致页面无法访问
resolutionZh: 重启应用服务并调整内存参数，观察 24 小时无复发
---

# 故障处置说明

10 月 21 日上午，市气象局反映智慧气象综合保障系统页面无法打开。值班工程师 15 分钟内远程响应，
定位为应用服务内存溢出，重启服务后恢复。
`;

/** The same ticket as JSON. */
export const validFaultJson = `${JSON.stringify(
  {
    kind: 'fault',
    contractId: 'luohe-2026-b',
    period: '2026-10',
    unitId: 'U10',
    itemNos: [62],
    systemIds: ['S62'],
    recordedBy: 'LH-S1',
    attachments: [],
    ticketNo: 'GD-20261021-02',
    itemNo: 62,
    systemId: 'S62',
    level: 4,
    categoryZh: '终端使用',
    reportedAt: '2026-10-23T14:00:00+08:00',
    reportedBy: 'unit',
    respondedAt: '2026-10-23T14:20:00+08:00',
    resolvedAt: '2026-10-23T16:00:00+08:00',
    causeZh: '终端浏览器缓存异常',
    resolutionZh: '清理缓存并升级浏览器',
  },
  null,
  2,
)}\n`;

/** Replaces exactly one occurrence of `from` (the test fails loudly if the template changed). */
export function edit(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`edit: "${from}" must occur exactly once`);
  return text.replace(from, to);
}

export const faultPath = 'evidence/luohe-2026-b/2026-10/U10/62/fault-001.mdx';
export const faultJsonPath = 'evidence/luohe-2026-b/2026-10/U10/62/fault-002.json';
