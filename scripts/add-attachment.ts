// Adds files to the content-addressed attachment store and prints the `attachmentRef` to paste into evidence.
//
//   node scripts/add-attachment.ts [options] <file>…
//   node scripts/add-attachment.ts [options] --sample-pdf "<标题>" [--sample-pdf "<标题>" …]
//
// Each file is copied to content/attachments/<sha256[0:2]>/<sha256>.<ext> (an existing identical copy is kept)
// and its reference is printed as YAML (for MDX front matter) or, with --format json, as a JSON array.
// --sample-pdf builds a small, deterministic, one-page PDF that says it is a sample (示例，非真实文件) instead of
// reading a file: the bundled sample content uses it so that no real scan ever enters the repository.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The MIME types common.schema.json allows, by file extension. */
const mimeByExt: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
};

const usage = `用法 / Usage:
  node scripts/add-attachment.ts [选项] <文件>…
  node scripts/add-attachment.ts [选项] --sample-pdf "<标题>" [--sample-pdf "<标题>" …]

选项 / Options:
  --title <名称>        附件名称 titleZh（只给一个文件时；默认取文件名）
  --sealed              盖章 sealed: true
  --signed              签字 signed: true
  --pages <n>           页数 pages
  --sample-pdf <标题>   生成一页的样例 PDF（示例，非真实文件）并加入附件库；可重复
  --line <文字>         样例 PDF 正文中标题下的一行说明；可重复，作用于随后的 --sample-pdf
  --format yaml|json    输出格式（默认 yaml）
  --content <目录>      content 目录（默认为仓库的 content/）
  -h, --help            显示本说明
`;

interface Options {
  title?: string;
  sealed: boolean;
  signed: boolean;
  pages?: number;
  format: 'yaml' | 'json';
  content: string;
  files: string[];
  samples: Array<{ title: string; lines: string[] }>;
}

interface AttachmentRef {
  sha256: string;
  mime: string;
  titleZh: string;
  sealed?: boolean;
  signed?: boolean;
  pages?: number;
}

function parseArgs(argv: readonly string[]): Options {
  const here = dirname(fileURLToPath(import.meta.url));
  const options: Options = {
    sealed: false,
    signed: false,
    format: 'yaml',
    content: resolve(here, '..', 'content'),
    files: [],
    samples: [],
  };
  let lines: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} 需要一个值 / needs a value`);
      return next;
    };
    switch (arg) {
      case '-h':
      case '--help':
        process.stdout.write(usage);
        process.exit(0);
        break;
      case '--title':
        options.title = value();
        break;
      case '--sealed':
        options.sealed = true;
        break;
      case '--signed':
        options.signed = true;
        break;
      case '--pages': {
        const pages = Number(value());
        if (!Number.isInteger(pages) || pages < 1) throw new UsageError('--pages 应为正整数 / must be a positive integer');
        options.pages = pages;
        break;
      }
      case '--format': {
        const format = value();
        if (format !== 'yaml' && format !== 'json') throw new UsageError('--format 只能是 yaml 或 json');
        options.format = format;
        break;
      }
      case '--content':
        options.content = resolve(value());
        break;
      case '--line':
        lines.push(value());
        break;
      case '--sample-pdf':
        options.samples.push({ title: value(), lines });
        lines = [];
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`未知选项 / unknown option ${arg}`);
        options.files.push(arg);
    }
  }
  if (options.files.length === 0 && options.samples.length === 0) throw new UsageError('没有要加入的文件 / nothing to add');
  if (options.title !== undefined && options.files.length !== 1) {
    throw new UsageError('--title 只能用于单个文件 / --title needs exactly one file');
  }
  return options;
}

class UsageError extends Error {}

/** Stores the bytes under content/attachments/ and returns their reference. */
function store(content: string, bytes: Uint8Array, ext: string, ref: Omit<AttachmentRef, 'sha256' | 'mime'>): AttachmentRef {
  const mime = mimeByExt[ext];
  if (!mime) throw new UsageError(`不支持的扩展名 .${ext}（允许：${Object.keys(mimeByExt).join('、')}）`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const folder = join(content, 'attachments', sha256.slice(0, 2));
  const target = join(folder, `${sha256}.${ext === 'jpeg' ? 'jpg' : ext}`);
  if (!existsSync(target)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(target, bytes);
  }
  return { sha256, mime, ...ref };
}

// ------------------------------------------------------------------ sample PDF

/** Splits text into lines of at most `width` characters (CJK text has no spaces to break at). */
function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out.length > 0 ? out : [''];
}

/** A PDF literal string holding the UTF-16BE bytes of a BMP string (UniGB-UCS2-H; with a BOM, a text string). */
function ucs2Literal(text: string, bom = false): string {
  let out = bom ? '(\xFE\xFF' : '(';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const unit = code > 0xffff ? 0x3f : code;
    for (const byte of [unit >> 8, unit & 0xff]) {
      if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
      else if (byte === 0x0a) out += '\\n';
      else if (byte === 0x0d) out += '\\r';
      else out += String.fromCharCode(byte);
    }
  }
  return `${out})`;
}

/**
 * A minimal, valid, one-page PDF 1.4 with the title and a "sample" notice in the non-embedded standard font
 * STSong-Light (Adobe-GB1), so the file stays well under 2 KB. Deterministic: no dates, no random ids.
 */
export function samplePdf(title: string, extraLines: readonly string[] = []): Uint8Array {
  const lines = [
    ...wrap(title, 30).map((text) => ({ text, size: 16 })),
    ...extraLines.flatMap((line) => wrap(line, 38).map((text) => ({ text, size: 12 }))),
    { text: '本文件为 omarc 样例数据自动生成的示意件，不含任何真实内容，', size: 10 },
    { text: '不得作为真实档案使用。SAMPLE — NOT A REAL DOCUMENT.', size: 10 },
  ];
  let y = 780;
  let stream = '0.6 w 40 40 515 762 re S\nBT\n';
  for (const line of lines) {
    stream += `/F1 ${line.size} Tf 1 0 0 1 56 ${y} Tm ${ucs2Literal(line.text)} Tj\n`;
    y -= line.size + 10;
  }
  stream += 'ET\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title ${ucs2Literal(title, true)} /Producer (omarc scripts/add-attachment.ts) >>`,
  ];
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// ------------------------------------------------------------------ output

function yamlString(text: string): string {
  return /^[\p{L}\p{N}（][^:#'"{}[\],&*!|>%@`\n]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

function toYaml(refs: readonly AttachmentRef[]): string {
  return refs
    .map((ref) => {
      const lines = [`- sha256: ${ref.sha256}`, `  mime: ${ref.mime}`, `  titleZh: ${yamlString(ref.titleZh)}`];
      if (ref.sealed) lines.push('  sealed: true');
      if (ref.signed) lines.push('  signed: true');
      if (ref.pages !== undefined) lines.push(`  pages: ${ref.pages}`);
      return `${lines.join('\n')}\n`;
    })
    .join('');
}

function main(argv: readonly string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}`);
    return 2;
  }
  const flags = {
    ...(options.sealed ? { sealed: true } : {}),
    ...(options.signed ? { signed: true } : {}),
  };
  const refs: AttachmentRef[] = [];
  try {
    for (const file of options.files) {
      const ext = extname(file).slice(1).toLowerCase();
      const titleZh = options.title ?? basename(file, extname(file));
      const pages = options.pages === undefined ? {} : { pages: options.pages };
      refs.push(store(options.content, readFileSync(file), ext, { titleZh, ...flags, ...pages }));
    }
    for (const sample of options.samples) {
      refs.push(store(options.content, samplePdf(sample.title, sample.lines), 'pdf', { titleZh: sample.title, ...flags, pages: 1 }));
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(refs, null, 2)}\n` : toYaml(refs));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
