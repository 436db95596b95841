/**
 * Relationship insights for its members, computed here in the browser from messages they can already read:
 * balance of voice, curious questions, "we" language, and the viewer's own coach trend (for them alone).
 */
import { useMemo, useRef } from 'react';
import { Link } from '../../shell/router.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { useAnalyze } from '../together/coach.ts';
import { conversationTitle, namesOf, useConversation, useMyId } from '../together/api.ts';
import { t } from '../together/copy.ts';
import '../together/four-tasks.css';
import { Chart } from './Chart.tsx';
import { computeInsights } from './compute.ts';
import { readInsights, readMyCoach } from './reading.ts';
import { SignalCache, type Analyzer } from './signals.ts';
import { useAllMessages } from './useMessages.ts';
import { copyN } from './copy.ts';

const pct = (n: number) => `${Math.round(n * 100)}%`;
const noFindings: Analyzer = () => ({ findings: [] });

export function InsightsPage({ conversationId }: { conversationId: string }) {
  const me = useMyId();
  const detail = useConversation(conversationId);
  const messages = useAllMessages(conversationId);
  const analyze = useAnalyze();
  const caches = useRef(new Map<Analyzer, SignalCache>());
  const insights = useMemo(() => {
    if (!messages.data || !detail.data || !me) return null;
    const fn: Analyzer = analyze ?? noFindings;
    let cache = caches.current.get(fn);
    if (!cache) {
      cache = new SignalCache(fn);
      caches.current.set(fn, cache);
    }
    const people = detail.data.members.map((m) => m.userId);
    return computeInsights(messages.data, people, me, cache);
  }, [messages.data, detail.data, me, analyze]);
  const nameOf = namesOf(detail.data);
  const weeks = useMemo(() => insights?.weeks.map((w) => w.week) ?? [], [insights]);
  const charts = useMemo(() => {
    if (!insights) return null;
    const per = (pick: (p: { share: number; curious: number }) => number) =>
      insights.people.map((p) => ({
        label: p === me ? 'Me' : nameOf(p),
        values: insights.weeks.map((w) => pick(w.byPerson[p] ?? { share: 0, curious: 0 })),
      }));
    return {
      voice: per((p) => p.share),
      questions: per((p) => p.curious),
      we: [{ label: copyN.together, values: insights.weeks.map((w) => w.we) }],
      mine: [
        { label: copyN.hope, values: insights.myCoach.map((w) => w.hope) },
        { label: copyN.fear, values: insights.myCoach.map((w) => w.fear) },
      ],
    };
  }, [insights, me, nameOf]);
  return (
    <Page title={`${copyN.title}: ${conversationTitle(detail.data, me)}`} wide>
      <p>
        <Link href="/together">{t.back}</Link>
      </p>
      <p className="lead">{copyN.lead}</p>
      <FormError error={messages.error ?? detail.error} />
      {!insights ? <p>{t.loading}</p> : null}
      {insights && insights.weeks.length === 0 ? <p className="muted">{copyN.empty}</p> : null}
      {!analyze ? <p className="muted">{copyN.coachOff}</p> : null}
      {insights && charts && insights.weeks.length > 0 ? (
        <div className="ft-grid">
          <section className="card" aria-labelledby="ft-reading">
            <h2 id="ft-reading">{copyN.reading}</h2>
            <ul className="ft-reading">
              {readInsights(insights).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </section>
          <Chart title={copyN.voice} weeks={weeks} series={charts.voice} format={pct} />
          {analyze ? (
            <Chart title={copyN.questions} weeks={weeks} series={charts.questions} />
          ) : null}
          {analyze ? <Chart title={copyN.we} weeks={weeks} series={charts.we} /> : null}
          {analyze ? (
            <section className="stack" aria-label={copyN.mine}>
              <p className="ft-reading">{readMyCoach(insights.myCoach)}</p>
              <Chart title={copyN.mine} weeks={weeks} series={charts.mine} />
            </section>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
