/** Routes for the four tasks in practice: co-reflection, intentions, worldview pages and the personal export. */
import { z } from 'zod';
import { PersonalExport } from './export.ts';
import {
  AddStepBody,
  CheckInBody,
  CreatePersonalIntentionBody,
  CreateSharedIntentionBody,
  IntentionDetail,
  IntentionList,
  UpdateIntentionBody,
  UpdateStepBody,
} from './intentions.ts';
import {
  PracticeView,
  ReflectionView,
  RoundList,
  RoundView,
  SetPracticeBody,
  SetVisibilityBody,
  StartRoundBody,
  WriteReflectionBody,
} from './reflections.ts';
import { route } from './route.ts';
import {
  MyWorldview,
  ReaderList,
  SaveWorldviewBody,
  SharedPageList,
  WorldviewPageView,
} from './worldview.ts';

const Ok = z.object({ ok: z.literal(true) });

export const reflectionRoutes = {
  listReflectionRounds: route({
    method: 'get',
    path: '/api/conversations/:conversationId/reflection-rounds',
    access: 'signed-in',
    response: RoundList,
  }),
  startReflectionRound: route({
    method: 'post',
    path: '/api/conversations/:conversationId/reflection-rounds',
    access: 'signed-in',
    body: StartRoundBody,
    response: RoundView,
    status: 201,
  }),
  getReflectionRound: route({
    method: 'get',
    path: '/api/reflection-rounds/:roundId',
    access: 'signed-in',
    response: RoundView,
  }),
  writeReflection: route({
    method: 'put',
    path: '/api/reflection-rounds/:roundId/mine',
    access: 'signed-in',
    body: WriteReflectionBody,
    response: RoundView,
  }),
  getReflection: route({
    method: 'get',
    path: '/api/reflections/:reflectionId',
    access: 'signed-in',
    response: ReflectionView,
  }),
  setReflectionVisibility: route({
    method: 'patch',
    path: '/api/reflections/:reflectionId',
    access: 'signed-in',
    body: SetVisibilityBody,
    response: ReflectionView,
  }),
  deleteReflection: route({
    method: 'delete',
    path: '/api/reflections/:reflectionId',
    access: 'signed-in',
    response: Ok,
  }),
  setPracticeCircle: route({
    method: 'put',
    path: '/api/conversations/:conversationId/practice',
    access: 'signed-in',
    body: SetPracticeBody,
    response: PracticeView,
  }),
};

export const intentionRoutes = {
  listConversationIntentions: route({
    method: 'get',
    path: '/api/conversations/:conversationId/intentions',
    access: 'signed-in',
    response: IntentionList,
  }),
  createSharedIntention: route({
    method: 'post',
    path: '/api/conversations/:conversationId/intentions',
    access: 'signed-in',
    body: CreateSharedIntentionBody,
    response: IntentionDetail,
    status: 201,
  }),
  listPersonalIntentions: route({
    method: 'get',
    path: '/api/me/intentions',
    access: 'signed-in',
    response: IntentionList,
  }),
  createPersonalIntention: route({
    method: 'post',
    path: '/api/me/intentions',
    access: 'signed-in',
    body: CreatePersonalIntentionBody,
    response: IntentionDetail,
    status: 201,
  }),
  getIntention: route({
    method: 'get',
    path: '/api/intentions/:intentionId',
    access: 'signed-in',
    response: IntentionDetail,
  }),
  updateIntention: route({
    method: 'patch',
    path: '/api/intentions/:intentionId',
    access: 'signed-in',
    body: UpdateIntentionBody,
    response: IntentionDetail,
  }),
  addIntentionStep: route({
    method: 'post',
    path: '/api/intentions/:intentionId/steps',
    access: 'signed-in',
    body: AddStepBody,
    response: IntentionDetail,
    status: 201,
  }),
  updateIntentionStep: route({
    method: 'patch',
    path: '/api/intentions/:intentionId/steps/:stepId',
    access: 'signed-in',
    body: UpdateStepBody,
    response: IntentionDetail,
  }),
  checkInOnIntention: route({
    method: 'post',
    path: '/api/intentions/:intentionId/check-ins',
    access: 'signed-in',
    body: CheckInBody,
    response: IntentionDetail,
    status: 201,
  }),
};

export const worldviewRoutes = {
  getMyWorldview: route({
    method: 'get',
    path: '/api/me/worldview',
    access: 'signed-in',
    response: MyWorldview,
  }),
  saveMyWorldview: route({
    method: 'put',
    path: '/api/me/worldview',
    access: 'signed-in',
    body: SaveWorldviewBody,
    response: MyWorldview,
  }),
  grantWorldview: route({
    method: 'put',
    path: '/api/me/worldview/readers/:conversationId',
    access: 'signed-in',
    response: ReaderList,
  }),
  revokeWorldview: route({
    method: 'delete',
    path: '/api/me/worldview/readers/:conversationId',
    access: 'signed-in',
    response: ReaderList,
  }),
  listSharedWorldviews: route({
    method: 'get',
    path: '/api/conversations/:conversationId/worldview-pages',
    access: 'signed-in',
    response: SharedPageList,
  }),
  getWorldview: route({
    method: 'get',
    path: '/api/worldview/:userId',
    access: 'signed-in',
    response: WorldviewPageView,
  }),
};

export const exportRoutes = {
  exportJson: route({
    method: 'get',
    path: '/api/me/export',
    access: 'signed-in',
    response: PersonalExport,
  }),
  /** A printable HTML page of the same content (the handler answers with HTML; the schema is unused). */
  exportPrintable: route({
    method: 'get',
    path: '/api/me/export/print',
    access: 'signed-in',
    response: z.string(),
  }),
};

/** Every four-tasks route. */
export const fourTasksRoutes = {
  ...reflectionRoutes,
  ...intentionRoutes,
  ...worldviewRoutes,
  ...exportRoutes,
};
