/**
 * Toward-framing for intentions. When an intention is written as stopping or avoiding something ("stop
 * drinking", "avoid hospital"), offer ways of naming what we want to create instead. Uses the coach's
 * findings (a fear-side finding, no moving-toward one) plus a plain check for stop/avoid wording.
 */
import type { Analysis } from '../../../nlp/types.ts';

const STOP =
  /^\s*(?:(?:we|i)\s+(?:want|need|have|got)\s+to\s+|let'?s\s+|to\s+)?(stop|quit|avoid|give up|cut out|cut down on|no more|never|not|don'?t|less|reduce|get rid of|keep away from|stay away from|stay out of)\b\s*(.*)$/i;

/** What the intention moves away from, if it is framed that way ("drinking", "hospital"); otherwise null. */
export function awayFrom(text: string): string | null {
  const m = STOP.exec(text.trim());
  if (!m) return null;
  const rest = (m[2] ?? '').replace(/[.!?]+$/, '').trim();
  return rest || 'that';
}

/** Up to three toward-framed ways to say it, or none when the intention already looks toward something. */
export function towardAlternatives(
  text: string,
  analysis: Pick<Analysis, 'findings'> | null,
): string[] {
  const away = awayFrom(text);
  const findings = analysis?.findings ?? [];
  const looksToward = findings.some((f) => f.category === 'moving_toward');
  const fearSide = findings.some((f) => f.side === 'fear');
  if (looksToward || (!away && !fearSide)) return [];
  const thing = away ?? 'this';
  const ours = [
    `What would we like our evenings and days to look like, with less room for ${thing}?`,
    `What do we want more of in place of ${thing}?`,
    `What would a good week look like for us?`,
  ];
  const coach = findings.filter((f) => f.side === 'fear').flatMap((f) => f.alternatives);
  return [...new Set([...ours, ...coach])].slice(0, 3);
}
