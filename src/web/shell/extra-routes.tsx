/** Routes added by later features (the conversation view). */
import type { ReactNode } from 'react';
import { fourTasksPages } from '../features/together/routes.tsx';

export const extraRoutes: Array<{
  pattern: string;
  signedIn: boolean;
  render: (params: Record<string, string>) => ReactNode;
}> = [...fourTasksPages];
