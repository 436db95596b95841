/**
 * Bundle sizes of the web build: the initial JavaScript (entry plus its static imports) and each lazily
 * loaded chunk (the coach), raw and gzip. Used as a Vite plugin at build time and runnable on its own
 * (`npx tsx scripts/bundle-report.ts`) against dist/web/.vite/manifest.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** One line of the report. */
export interface SizeLine {
  name: string;
  files: string[];
  raw: number;
  gzip: number;
}

/** Budget for the initial JavaScript, gzip, without the coach (issue 5). */
export const INITIAL_JS_BUDGET_GZIP = 250 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(manifest, dep, seen);
  return seen;
}

/** Sizes the initial JS and each dynamic entry (minus what the initial load already has). */
export function measure(manifest: Manifest, read: (file: string) => Buffer): SizeLine[] {
  const size = (name: string, files: string[]): SizeLine => {
    const bufs = files.map(read);
    return {
      name,
      files,
      raw: bufs.reduce((n, b) => n + b.length, 0),
      gzip: bufs.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    };
  };
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const initial = new Set<string>();
  for (const e of entries) staticClosure(manifest, e, initial);
  const initialFiles = [...initial]
    .map((k) => manifest[k]?.file ?? k)
    .filter((f) => f.endsWith('.js'));
  const css = [...new Set([...initial].flatMap((k) => manifest[k]?.css ?? []))];
  const lines = [size('initial JS', initialFiles), size('initial CSS', css)];
  for (const key of Object.keys(manifest).filter((k) => manifest[k]?.isDynamicEntry)) {
    const own = [...staticClosure(manifest, key)].filter((k) => !initial.has(k));
    const files = own.map((k) => manifest[k]?.file ?? k).filter((f) => f.endsWith('.js'));
    lines.push(size(`lazy ${key.replace(/^.*\/src\//, 'src/')}`, files));
  }
  return lines;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A printable table. */
export function formatReport(lines: SizeLine[]): string {
  const rows = lines.map(
    (l) => `  ${l.name.padEnd(44)} ${kb(l.raw).padStart(10)} raw ${kb(l.gzip).padStart(10)} gzip`,
  );
  const initial = lines.find((l) => l.name === 'initial JS');
  const verdict =
    initial && initial.gzip > INITIAL_JS_BUDGET_GZIP
      ? `  OVER BUDGET: initial JS ${kb(initial.gzip)} gzip > ${kb(INITIAL_JS_BUDGET_GZIP)}`
      : `  initial JS within the ${kb(INITIAL_JS_BUDGET_GZIP)} gzip budget`;
  return ['bundle sizes (dist/web):', ...rows, verdict].join('\n');
}

/** Reads dist/web (or `dir`) and writes bundle-report.json beside the build; returns the lines. */
export function reportFromDist(dir: string): SizeLine[] {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const lines = measure(manifest, (f) => readFileSync(join(dir, f)));
  writeFileSync(join(dir, '.vite/bundle-report.json'), `${JSON.stringify(lines, null, 2)}\n`);
  return lines;
}

/** Vite plugin: after the bundle is written, print the sizes. */
export function bundleReport(outDir: string): Plugin {
  return {
    name: 'mutual-bundle-report',
    apply: 'build',
    closeBundle() {
      try {
        console.log(formatReport(reportFromDist(outDir)));
      } catch (error) {
        // Another build emptied the folder meanwhile; the sizes are a report, not a reason to fail the build.
        console.warn(
          `bundle report skipped: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatReport(reportFromDist(process.argv[2] ?? 'dist/web')));
}
