/** The four-tasks pages, for the app's router (added to extraRoutes in one line). */
import type { ReactNode } from 'react';
import { ExportPage } from '../export/ExportPage.tsx';
import { InsightsPage } from '../insights/InsightsPage.tsx';
import { IntentionPage } from '../intentions/IntentionPage.tsx';
import { IntentionsPage } from '../intentions/IntentionsPage.tsx';
import { PersonalIntentionsPage } from '../intentions/PersonalIntentionsPage.tsx';
import { ReflectionsPage } from '../reflections/ReflectionsPage.tsx';
import { MyWorldviewPage } from '../worldview/MyWorldviewPage.tsx';
import { SharedWorldviewsPage } from '../worldview/SharedWorldviewsPage.tsx';
import { TogetherPage } from './TogetherPage.tsx';

const id = (p: Record<string, string>, k: string) => p[k] ?? '';

export const fourTasksPages: Array<{
  pattern: string;
  signedIn: boolean;
  render: (params: Record<string, string>) => ReactNode;
}> = [
  { pattern: '/together', signedIn: true, render: () => <TogetherPage /> },
  {
    pattern: '/together/:conversationId/reflections',
    signedIn: true,
    render: (p) => <ReflectionsPage conversationId={id(p, 'conversationId')} />,
  },
  {
    pattern: '/together/:conversationId/intentions',
    signedIn: true,
    render: (p) => <IntentionsPage conversationId={id(p, 'conversationId')} />,
  },
  {
    pattern: '/together/:conversationId/insights',
    signedIn: true,
    render: (p) => <InsightsPage conversationId={id(p, 'conversationId')} />,
  },
  {
    pattern: '/together/:conversationId/worldview',
    signedIn: true,
    render: (p) => <SharedWorldviewsPage conversationId={id(p, 'conversationId')} />,
  },
  { pattern: '/intentions', signedIn: true, render: () => <PersonalIntentionsPage /> },
  {
    pattern: '/intentions/:intentionId',
    signedIn: true,
    render: (p) => <IntentionPage intentionId={id(p, 'intentionId')} />,
  },
  { pattern: '/worldview', signedIn: true, render: () => <MyWorldviewPage /> },
  { pattern: '/export', signedIn: true, render: () => <ExportPage /> },
];
