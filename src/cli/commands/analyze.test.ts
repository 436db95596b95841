/** `mutual analyze` through in-memory streams: usage errors first, then the report and the JSONL mode. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../command.ts';
import { analyzeCommand, createProgress, MAX_TEXT } from './analyze.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function run(
  args: string[],
  options: { stdin?: string; tty?: boolean; stderrTty?: boolean } = {},
): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    isStdoutTty: options.tty ?? false,
    isStderrTty: options.stderrTty ?? false,
    env: {},
  };
  const code = await analyzeCommand.run(args, io);
  return { code, stdout: out(), stderr: err() };
}

const KEYS = [
  'directive',
  'assessment',
  'judging',
  'fear',
  'minimizing',
  'curiosity',
  'reflection',
  'mutuality',
  'we',
  'moving_toward',
];

describe('mutual analyze: bad invocations', () => {
  it.each([
    [[]],
    [['--jsonl', '--context', 'x']],
    [['one', 'two']],
    [['--context']],
    [['--bogus', 'text']],
  ])('%j is a usage error', async (args) => {
    await expect(run(args)).rejects.toBeInstanceOf(UsageError);
  });

  it('prints help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('mutual analyze --jsonl [FILE]');
  });
});

describe('mutual analyze "text"', () => {
  it('marks findings, gives category, reason, alternatives and the hope score, without colour off a terminal', async () => {
    const { code, stdout } = await run(['You should call your sister. What was that like?']);
    expect(code).toBe(0);
    expect(stdout).toContain('[You should call your sister](1)');
    expect(stdout).toContain('Telling or advising (directive, fear side');
    expect(stdout).toContain('Why: ');
    expect(stdout).toMatch(/- .*sister/);
    expect(stdout).toContain('Curiosity (curiosity, hope side');
    expect(stdout).toMatch(/Hope: 0\.50/);
    expect(stdout).not.toContain('\x1b[');
  });

  it('uses ANSI colour only on a terminal', async () => {
    const { stdout } = await run(['You should rest.'], { tty: true });
    expect(stdout).toContain('\x1b[');
  });

  it('uses --context to recognise a reflection', async () => {
    const context = 'it felt like the whole room turned on me when i spoke up';
    const { stdout } = await run([
      '--context',
      context,
      'so you felt like the whole room turned on you',
    ]);
    expect(stdout).toContain('Reflecting');
  });

  it('says plainly when the text is not English', async () => {
    const { stdout } = await run(['No sé qué hacer con mi hermana, ella no me habla.']);
    expect(stdout).toContain('English only');
  });
});

describe('mutual analyze --jsonl', () => {
  it('writes one result per input line with all ten flags and scores', async () => {
    const input = [
      '{"id":"a","text":"Have you tried yoga?"}',
      '{"id":"b","text":"what happened?","context":"i lost my job"}',
    ].join('\n');
    const { code, stdout, stderr } = await run(['--jsonl'], { stdin: `${input}\n` });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['id', 'language', 'flags', 'scores', 'hope', 'findings']);
      expect(Object.keys(l.flags as object)).toEqual(KEYS);
      expect(Object.keys(l.scores as object)).toEqual(KEYS);
    }
    expect((lines[0]?.flags as Record<string, boolean>).directive).toBe(true);
  });

  it('reports each bad line on stderr with its number, keeps going, and exits non-zero', async () => {
    const long = 'a'.repeat(MAX_TEXT + 1);
    const input = [
      '{"id":"ok1","text":"ok"}',
      'not json',
      '{"id":7,"text":"x"}',
      JSON.stringify({ id: 'long', text: long }),
      '[1,2]',
      '{"id":"ctx","text":"x","context":3}',
      '',
      '{"id":"ok2","text":"What happened?"}',
    ].join('\n');
    const { code, stdout, stderr } = await run(['--jsonl'], { stdin: input });
    expect(code).not.toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(['ok1', 'ok2']);
    expect(stderr).toMatch(/line 2: invalid JSON/);
    expect(stderr).toMatch(/line 3: "id" must be a string/);
    expect(stderr).toMatch(/line 4: "text" is 10001 characters; the limit is 10000/);
    expect(stderr).toMatch(/line 5: expected a JSON object/);
    expect(stderr).toMatch(/line 6: "context" must be a string/);
  });

  it('accepts exactly 10,000 characters', async () => {
    const { code } = await run(['--jsonl'], {
      stdin: JSON.stringify({ id: 'x', text: 'a '.repeat(MAX_TEXT / 2) }),
    });
    expect(code).toBe(0);
  });

  it('reads a file when one is given, and fails cleanly when it is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, '{"id":"f","text":"You need to rest."}\n');
    const ok = await run(['--jsonl', file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('"id":"f"');
    const missing = await run(['--jsonl', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const input = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ id: String(i), text: 'You should rest.' }),
    ).join('\n');
    const { stderr } = await run(['--jsonl'], { stdin: input });
    expect(stderr).toBe('');
  });
});

describe('progress bar', () => {
  function fakeStderr(isStderrTty: boolean): {
    io: { stderr: PassThrough; isStderrTty: boolean };
    text: () => string;
  } {
    const stderr = new PassThrough();
    return { io: { stderr, isStderrTty }, text: collect(stderr) };
  }

  it('stays quiet for the first second, then draws on a terminal and clears at the end', () => {
    let t = 0;
    const { io, text } = fakeStderr(true);
    const bar = createProgress(io, 1000, () => t);
    bar.tick(100);
    t = 500;
    bar.tick(100);
    expect(text()).toBe('');
    t = 1200;
    bar.tick(300);
    expect(text()).toMatch(/\[#+\.*\] 50% 3 lines/);
    bar.clear();
    expect(text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('never draws when stderr is not a terminal', () => {
    let t = 0;
    const { io, text } = fakeStderr(false);
    const bar = createProgress(io, 0, () => t);
    t = 5000;
    bar.tick(10);
    bar.clear();
    expect(text()).toBe('');
  });
});
