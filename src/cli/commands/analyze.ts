/** `mutual analyze`: run the language coach on one text (a readable report) or on JSONL (one result per line). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  analyze,
  CATEGORIES,
  type Analysis,
  type Category,
  type Finding,
} from '../../nlp/index.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';

/** Longest text one JSONL line may carry. */
export const MAX_TEXT = 10_000;

const USAGE = `Usage:
  mutual analyze [--context TEXT] "text"   readable report: findings marked, reasons, alternatives, hope score
  mutual analyze --jsonl [FILE]            one JSON object per line in ({"id","text","context"?}), one result per line out
                                           (reads stdin when FILE is missing or "-")
  mutual analyze --help

The coach runs locally. It never sends, stores, reports or blocks anything.`;

interface Options {
  jsonl: boolean;
  file?: string;
  context?: string;
  text?: string;
  help: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = { jsonl: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--jsonl') options.jsonl = true;
    else if (arg === '--context' || arg.startsWith('--context=')) {
      const value = arg === '--context' ? args[++i] : arg.slice('--context='.length);
      if (value === undefined) throw new UsageError('--context needs a value');
      options.context = value;
    } else if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (options.help) return options;
  if (positional.length > 1) throw new UsageError('give one text (quote it) or one file');
  if (options.jsonl) {
    if (options.context !== undefined)
      throw new UsageError('--context is for a single text; in JSONL put "context" on each line');
    if (positional[0] !== undefined && positional[0] !== '-') options.file = positional[0];
  } else {
    if (positional[0] === undefined)
      throw new UsageError('nothing to analyze: give a text or --jsonl');
    options.text = positional[0];
  }
  return options;
}

/** The `analyze` command. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Reflect fear- and hope-based language in a draft (locally, nothing is sent)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseArgs(args);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!options.jsonl) {
      const text = options.text as string;
      const result = analyze(
        text,
        options.context === undefined ? {} : { context: options.context },
      );
      const colour = io.isStdoutTty && io.env.NO_COLOR === undefined;
      io.stdout.write(renderReport(text, result, colour));
      return 0;
    }
    return runJsonl(options.file, io);
  },
};

const LABELS = new Map(CATEGORIES.map((c) => [c.key, c]));
const ANSI = {
  fear: '\x1b[31;4m',
  hope: '\x1b[32m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

function markText(text: string, findings: readonly Finding[], colour: boolean): string {
  const points = new Set<number>([0, text.length]);
  for (const f of findings) points.add(f.start).add(f.end);
  const sorted = [...points].sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k + 1 < sorted.length; k++) {
    const from = sorted[k] as number;
    const to = sorted[k + 1] as number;
    if (!colour) for (const f of findings) if (f.start === from) out += '[';
    const active = findings.filter((f) => f.start <= from && f.end >= to);
    const segment = text.slice(from, to);
    if (colour && active.length > 0)
      out += `${active.some((f) => f.side === 'fear') ? ANSI.fear : ANSI.hope}${segment}${ANSI.reset}`;
    else out += segment;
    findings.forEach((f, n) => {
      if (f.end === to) out += colour ? `${ANSI.dim}[${n + 1}]${ANSI.reset}` : `](${n + 1})`;
    });
  }
  return out;
}

/** Renders the readable report for one text. */
export function renderReport(text: string, result: Analysis, colour: boolean): string {
  const lines: string[] = [];
  const bold = (s: string): string => (colour ? `${ANSI.bold}${s}${ANSI.reset}` : s);
  if (result.language === 'unsupported') {
    lines.push(text, '', 'The coach reads English only, so nothing was flagged in this text.');
  } else {
    lines.push(markText(text, result.findings, colour), '');
    if (result.findings.length === 0) lines.push('Nothing to reflect in this draft.');
    result.findings.forEach((f, n) => {
      const meta = LABELS.get(f.category);
      lines.push(
        `${bold(`${n + 1}. ${meta?.label ?? f.category}`)} (${f.category}, ${f.side} side, task: ${f.task.replace('_', ' ')})`,
      );
      lines.push(`   "${f.excerpt}"`);
      lines.push(`   Why: ${f.why}`);
      if (f.alternatives.length > 0) {
        lines.push('   You could try:');
        for (const alt of f.alternatives) lines.push(`     - ${alt}`);
      }
      lines.push('');
    });
  }
  const hope = result.findings.filter((f) => f.side === 'hope').length;
  lines.push(
    `Hope: ${result.hope.toFixed(2)} (${hope} hope-based, ${result.findings.length - hope} fear-based; 0.5 is even)`,
  );
  return `${lines.join('\n')}\n`;
}

/** The JSON written for one JSONL input line. */
export function jsonlResult(id: string, result: Analysis): string {
  const flags = {} as Record<Category, boolean>;
  const scores = {} as Record<Category, number>;
  for (const c of CATEGORIES) {
    flags[c.key] = result.flags[c.key];
    scores[c.key] = result.scores[c.key];
  }
  return JSON.stringify({
    id,
    language: result.language,
    flags,
    scores,
    hope: result.hope,
    findings: result.findings,
  });
}

/** Parses and checks one input line; returns an error message instead of throwing. */
export function parseLine(line: string): { id: string; text: string; context?: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `invalid JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'expected a JSON object';
  const { id, text, context } = value as Record<string, unknown>;
  if (typeof id !== 'string') return '"id" must be a string';
  if (typeof text !== 'string') return '"text" must be a string';
  if (context !== undefined && typeof context !== 'string')
    return '"context" must be a string when present';
  if (text.length > MAX_TEXT)
    return `"text" is ${text.length} characters; the limit is ${MAX_TEXT}`;
  return context === undefined ? { id, text } : { id, text, context };
}

async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk))
    await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

async function runJsonl(file: string | undefined, io: CliIo): Promise<number> {
  let input: NodeJS.ReadableStream = io.stdin;
  let totalBytes = 0;
  if (file !== undefined) {
    try {
      totalBytes = (await stat(file)).size;
    } catch (error) {
      io.stderr.write(
        `mutual analyze: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`,
      );
      return 1;
    }
    input = createReadStream(file, { encoding: 'utf8' });
  }
  const progress = createProgress(io, totalBytes);
  let lineNo = 0;
  let failed = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    progress.tick(line.length + 1);
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      failed++;
      progress.clear();
      io.stderr.write(`line ${lineNo}: ${parsed}\n`);
      continue;
    }
    const result = analyze(
      parsed.text,
      parsed.context === undefined ? {} : { context: parsed.context },
    );
    await write(io.stdout, `${jsonlResult(parsed.id, result)}\n`);
  }
  progress.clear();
  if (failed > 0) io.stderr.write(`${failed} of ${lineNo} lines failed\n`);
  return failed > 0 ? 1 : 0;
}

/** A progress bar on stderr, shown only on a terminal and only once the input has taken over a second. */
export function createProgress(
  io: Pick<CliIo, 'stderr' | 'isStderrTty'>,
  totalBytes: number,
  now: () => number = Date.now,
): { tick(bytes: number): void; clear(): void } {
  const started = now();
  let bytes = 0;
  let lines = 0;
  let lastDraw = 0;
  let drawn = false;
  return {
    tick(n: number): void {
      bytes += n;
      lines++;
      if (!io.isStderrTty) return;
      const t = now();
      if (t - started < 1000 || t - lastDraw < 100) return;
      lastDraw = t;
      drawn = true;
      const rate = Math.round(lines / ((t - started) / 1000));
      if (totalBytes > 0) {
        const share = Math.min(1, bytes / totalBytes);
        const filled = Math.round(share * 30);
        io.stderr.write(
          `\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round(share * 100)}% ${lines} lines, ${rate}/s`,
        );
      } else {
        io.stderr.write(`\r${lines} lines analyzed, ${rate}/s`);
      }
    },
    clear(): void {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
