import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { edit, faultPath, makeContent, validFaultMdx } from '../validate/harness.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('omarc check --changed-since', () => {
  it('reports only files changed since the ref, while still checking references across all files', async () => {
    const broken = edit(validFaultMdx, 'level: 3', 'level: 7');
    const { root, dispose } = makeContent({ [faultPath]: broken, 'evidence/luohe-2026-b/2026-10/U10/62/fault-002.mdx': edit(validFaultMdx, 'GD-20261021-01', 'GD-20261021-02') });
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
      git('init', '-q');
      git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'add', '-A');
      git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'base');
      // The PR changes fault-002 so that it repeats fault-001's ticket number.
      writeFileSync(join(root, 'content/evidence/luohe-2026-b/2026-10/U10/62/fault-002.mdx'), validFaultMdx);
      let out = '';
      const code = await main(['check', '--format', 'json', '--changed-since', 'HEAD', '--no-cache'], {
        stdout: (t) => {
          out += t;
        },
        stderr: () => {},
        colour: false,
        cwd: root,
      });
      const report = JSON.parse(out) as { files: number; diagnostics: Array<{ file: string; code: string }> };
      expect(report.files).toBe(1);
      expect(report.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['content/evidence/luohe-2026-b/2026-10/U10/62/fault-002.mdx dup/ticket']);
      expect(code).toBe(1);
    } finally {
      dispose();
    }
  });
});
