/**
 * A line chart drawn with uPlot (loaded only when a chart is shown), with its numbers as a table that screen
 * readers always get and anyone can show. The canvas itself is hidden from assistive technology.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { Button } from '../../components/Button.tsx';
import { copyN } from './copy.ts';

export interface Series {
  label: string;
  values: number[];
}

const COLORS = ['#1f6f8b', '#b5562a', '#5a7d2a', '#7a4fa0', '#a0365a', '#2f6f4f'];
const DAY_S = 86_400;
const HEIGHT = 220;

export function Chart({
  title,
  weeks,
  series,
  format = (n) => String(n),
}: {
  title: string;
  weeks: string[];
  series: Series[];
  format?: (n: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  useEffect(() => {
    let plot: uPlot | null = null;
    let cancelled = false;
    const el = box.current;
    if (!el || weeks.length === 0) return;
    // Drawn at its box's width (never wider, or a narrow phone cuts off its right edge), and redrawn when the
    // box changes width: a resized window, a rotated phone.
    let width = el.clientWidth;
    const resize = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      plot?.setSize({ width, height: HEIGHT });
    });
    resize.observe(el);
    void import('./uplot-loader.ts').then((mod) => {
      if (cancelled) return;
      const UPlot = mod.default;
      const xs = weeks.map((w) => Date.parse(`${w}T00:00:00Z`) / 1000);
      width = el.clientWidth;
      plot = new UPlot(
        {
          width,
          height: HEIGHT,
          scales: { x: { time: true } },
          axes: [
            { space: 60, incrs: [7 * DAY_S, 14 * DAY_S, 28 * DAY_S] },
            { values: (_u, ticks) => ticks.map(format) },
          ],
          series: [
            {},
            ...series.map((s, i) => ({
              label: s.label,
              stroke: COLORS[i % COLORS.length],
              width: 2,
              points: { show: true },
            })),
          ],
          legend: { show: true },
        },
        [xs, ...series.map((s) => s.values)],
        el,
      );
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      plot?.destroy();
    };
  }, [weeks, series, format]);
  return (
    <figure className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <div ref={box} className="ft-chart" aria-hidden="true" data-testid="insight-chart" />
      <Button variant="quiet" onPress={() => setShowTable((s) => !s)} aria-expanded={showTable}>
        {showTable ? copyN.hideNumbers : copyN.showNumbers}
      </Button>
      <div className={showTable ? undefined : 'ft-visually-hidden'}>
        <table className="ft-table">
          <caption>{copyN.byWeek.replace('{title}', title)}</caption>
          <thead>
            <tr>
              <th scope="col">{copyN.weekOf}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w, i) => (
              <tr key={w}>
                <th scope="row">{w}</th>
                {series.map((s) => (
                  <td key={s.label}>{format(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
