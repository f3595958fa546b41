import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

function io(cwd = process.cwd()): CliIo & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    colour: false,
    cwd,
    stdout: (t: string) => {
      sink.out += t;
    },
    stderr: (t: string) => {
      sink.err += t;
    },
  };
  return sink;
}

describe('omarc CLI', () => {
  it('--help lists every command with a purpose and examples', async () => {
    const s = io();
    expect(await main(['--help'], s)).toBe(0);
    for (const command of ['check', 'score', 'explain', 'demo']) expect(s.out).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect(s.out).toContain('示例 / Examples:');
  });
  it('an unknown command is a usage error (exit 2) with a suggestion', async () => {
    const s = io();
    expect(await main(['chek'], s)).toBe(2);
    expect(s.err).toContain('omarc check');
  });
  it('an unknown option is a usage error (exit 2), not a stack trace', async () => {
    const s = io();
    expect(await main(['check', '--colour'], s)).toBe(2);
    expect(s.err).not.toMatch(/\n\s+at /);
  });
  it('a missing content folder is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omarc-cli-'));
    try {
      const s = io(dir);
      expect(await main(['check'], s)).toBe(2);
      expect(s.err).toContain('内容目录 content 不存在');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('check --format json prints the documented shape', async () => {
    const s = io();
    const code = await main(['check', '--format', 'json', '--no-cache'], s);
    const report = JSON.parse(s.out) as { files: number; diagnostics: unknown[] };
    expect(Object.keys(report)).toEqual(['files', 'diagnostics']);
    expect(code).toBe(report.diagnostics.length === 0 ? 0 : 1);
  });
  it('score without --contract is a usage error naming the contracts', async () => {
    const s = io();
    expect(await main(['score'], s)).toBe(2);
    expect(s.err).toContain('luohe-2026-b');
  });
});
