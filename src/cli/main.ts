import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { type CliIo, processIo } from './io.ts';
import { UsageError } from './usage-error.ts';

/** A subcommand: its one-line purpose, its options and examples, and the function that runs it. */
interface Command {
  summary: string;
  usage: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  optionHelp: ReadonlyArray<readonly [string, string]>;
  examples: readonly string[];
  run: (values: Record<string, unknown>, positionals: string[], io: CliIo) => Promise<number>;
}

const contentOption = ['--content DIR', '内容目录（默认 content）/ content root (default: content)'] as const;

// Commands are imported lazily so `omarc --help` stays instant and heavy stages load only when used.
const commands: Record<string, Command> = {
  check: {
    summary:
      '校验证据：格式、引用、时间、安全与完整性 / validate all content, report every problem with file:line:col',
    usage: 'omarc check [--content DIR] [--format human|json|github] [--changed-since REF] [--no-cache]',
    options: {
      content: { type: 'string', default: 'content' },
      format: { type: 'string', default: 'human' },
      'changed-since': { type: 'string' },
      cache: { type: 'boolean', default: true },
      'no-cache': { type: 'boolean', default: false },
      'cache-location': { type: 'string', default: '.omarc-cache/check.bin' },
      workers: { type: 'string' },
    },
    optionHelp: [
      contentOption,
      ['--format FMT', 'human（终端）、json（机器读取）、github（PR 注释）/ output format'],
      [
        '--changed-since REF',
        '只报告相对 git REF 改动过的文件（引用检查仍覆盖全部）/ only report files changed since REF',
      ],
      ['--no-cache', '不使用按内容哈希的缓存 / do not use the content-hash cache'],
      ['--cache-location FILE', '缓存文件（默认 .omarc-cache/check.bin）/ cache file'],
      ['--workers N', '并行线程数（默认每核一个）/ worker threads (default: one per core)'],
    ],
    examples: [
      'omarc check',
      'omarc check --format json > diagnostics.json',
      'omarc check --format github --changed-since origin/main',
    ],
    run: async (values, _positionals, io) => (await import('./commands/check.ts')).runCheck(values, io),
  },
  score: {
    summary: '计算得分、等级与应付金额，输出台账 / score a contract period and print its ledger',
    usage: 'omarc score --contract ID [--period YYYY-MM] [--as-of TIME] [--json] [--out DIR]',
    options: {
      content: { type: 'string', default: 'content' },
      contract: { type: 'string' },
      period: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    optionHelp: [
      contentOption,
      ['--contract ID', '合同编号，如 luohe-2026-b / contract id'],
      [
        '--period YYYY-MM',
        '考核期；省略则计算所有有证据的考核期 / period; all periods with content when omitted',
      ],
      ['--as-of TIME', '评估时点（ISO-8601，含时区；默认考核期结束后冻结期满）/ evaluation instant'],
      ['--json', '输出台账 JSON / print the ledger JSON'],
      ['--out DIR', '把台账写入 DIR/<合同>/<考核期>.json / also write ledgers to DIR'],
    ],
    examples: [
      'omarc score --contract luohe-2026-b --period 2026-10',
      'omarc score --contract bj-kw-2026-p4 --period 2026-11 --json',
    ],
    run: async (values, _positionals, io) => (await import('./commands/score.ts')).runScore(values, io),
  },
  explain: {
    summary:
      '逐条说明每一分的得失、依据条款和证据位置 / explain every point lost or gained, with rule, clause and evidence',
    usage: 'omarc explain --contract ID --period YYYY-MM [--unit U]',
    options: {
      content: { type: 'string', default: 'content' },
      contract: { type: 'string' },
      period: { type: 'string' },
      unit: { type: 'string' },
      'as-of': { type: 'string' },
    },
    optionHelp: [
      contentOption,
      ['--contract ID', '合同编号 / contract id'],
      ['--period YYYY-MM', '考核期 / period'],
      ['--unit U', '只看一个使用单位（漯河）/ one unit only (Luohe)'],
      ['--as-of TIME', '评估时点 / evaluation instant'],
    ],
    examples: ['omarc explain --contract luohe-2026-b --period 2026-10 --unit U07'],
    run: async (values, _positionals, io) => (await import('./commands/explain.ts')).runExplain(values, io),
  },
  demo: {
    summary: '在内置样例上运行完整流程 / run the whole chain on the bundled sample content',
    usage: 'omarc demo [--content DIR] [--out DIR]',
    options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'out' } },
    optionHelp: [contentOption, ['--out DIR', '输出目录（默认 out）/ output folder (default: out)']],
    examples: ['omarc demo', 'npm run demo'],
    run: async (values, _positionals, io) => (await import('./commands/demo.ts')).runDemo(values, io),
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = [
    `omarc ${packageJson.version} — 运维合规档案与报告生成 / O&M compliance archive and report generator`,
    '',
    '用法 / Usage: omarc <command> [options]',
    '',
    '命令 / Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    '示例 / Examples:',
    ...Object.values(commands).flatMap((c) => c.examples.slice(0, 1).map((e) => `  ${e}`)),
    '',
    '退出码 / Exit codes: 0 正常 ok · 1 发现问题 findings · 2 用法或环境错误 usage or environment error',
    '每个命令的详细说明 / Per-command help: omarc <command> --help',
    '',
  ];
  return lines.join('\n');
}

function commandHelp(name: string, command: Command): string {
  const width = Math.max(...command.optionHelp.map(([flag]) => flag.length));
  return [
    `omarc ${name} — ${command.summary}`,
    '',
    `用法 / Usage: ${command.usage}`,
    '',
    '选项 / Options:',
    ...command.optionHelp.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    `  ${'--help'.padEnd(width)}  显示帮助 / show this help`,
    '',
    '示例 / Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** Runs the CLI and returns the exit code: 0 ok, 1 findings, 2 usage or environment error. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic ? commands[topic] : undefined;
    io.stdout(command && topic ? commandHelp(topic, command) : mainHelp());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    const near = Object.keys(commands).find((c) => c.startsWith(name.slice(0, 2)));
    io.stderr(
      `omarc: 未知命令 “${name}”。${near ? `是否想用 “omarc ${near}”？` : ''}运行 omarc --help 查看全部命令。\n`,
    );
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(name, command));
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: command.options ?? {},
      allowPositionals: false,
      strict: true,
    });
    return await command.run(values as Record<string, unknown>, positionals, io);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`omarc ${name}: ${(error as Error).message}\n运行 omarc ${name} --help 查看用法。\n`);
      return 2;
    }
    io.stderr(
      `omarc ${name}: 内部错误（这是 omarc 的缺陷，请报告）/ internal error:\n${(error as Error).stack ?? String(error)}\n`,
    );
    return 2;
  }
}
