/** Four-tasks records to wire shapes. */
import type {
  IntentionDetail as IntentionDetailWire,
  IntentionView,
} from '../../contract/intentions.ts';
import type { ReflectionView, RoundView as RoundViewWire } from '../../contract/reflections.ts';
import type { WorldviewPageView } from '../../contract/worldview.ts';
import type { IntentionDetail } from '../../core/intention.service.ts';
import type {
  Intention,
  Reflection,
  WorldviewGrant,
  WorldviewPage,
} from '../../core/four-tasks.model.ts';
import type { RoundView } from '../../core/reflection.service.ts';

export const presentReflection = (r: Reflection): ReflectionView => ({
  id: r.id,
  roundId: r.roundId,
  conversationId: r.conversationId,
  authorId: r.authorId,
  ratings: r.ratings,
  notes: r.notes,
  tryNext: r.tryNext,
  visibility: r.visibility,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const presentRound = (v: RoundView): RoundViewWire => ({
  id: v.round.id,
  conversationId: v.round.conversationId,
  startedBy: v.round.startedBy,
  title: v.round.title,
  periodStart: v.round.periodStart,
  periodEnd: v.round.periodEnd,
  createdAt: v.round.createdAt.toISOString(),
  mine: v.mine && presentReflection(v.mine),
  others: v.others.map((o) => ({
    authorId: o.authorId,
    reflection: o.reflection && presentReflection(o.reflection),
  })),
});

export const presentIntention = (i: Intention): IntentionView => ({
  id: i.id,
  kind: i.kind,
  conversationId: i.conversationId,
  ownerId: i.ownerId,
  title: i.title,
  why: i.why,
  status: i.status,
  createdAt: i.createdAt.toISOString(),
  updatedAt: i.updatedAt.toISOString(),
});

function parseDetail(detail: string): Record<string, string | null> {
  try {
    return JSON.parse(detail) as Record<string, string | null>;
  } catch {
    return {};
  }
}

export const presentIntentionDetail = (d: IntentionDetail): IntentionDetailWire => ({
  intention: presentIntention(d.intention),
  steps: d.steps.map((s) => ({
    id: s.id,
    text: s.text,
    addedBy: s.addedBy,
    takenBy: s.takenBy,
    doneBy: s.doneBy,
    doneAt: s.doneAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  })),
  checkIns: d.checkIns.map((c) => ({
    id: c.id,
    authorId: c.authorId,
    note: c.note,
    createdAt: c.createdAt.toISOString(),
  })),
  history: d.history.map((h) => ({
    id: h.id,
    actorId: h.actorId,
    action: h.action,
    detail: parseDetail(h.detail),
    at: h.at.toISOString(),
  })),
  canEdit: d.canEdit,
});

export const presentPage = (page: WorldviewPage, displayName: string): WorldviewPageView => ({
  userId: page.userId,
  displayName,
  body: page.body,
  answers: page.answers,
  updatedAt: page.updatedAt.getTime() === 0 ? null : page.updatedAt.toISOString(),
});

export const presentReaders = (grants: WorldviewGrant[]) =>
  grants.map((g) => ({ conversationId: g.conversationId, grantedAt: g.grantedAt.toISOString() }));
