/** Every message of a conversation the person can already read, fetched page by page from the usual API. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import type { InsightMessage } from './signals.ts';

const PAGE = 200;

/** Reads forward from the start; the server checks membership on every page as for any reader. */
export function useAllMessages(conversationId: string) {
  return useQuery({
    queryKey: ['four-tasks', 'insight-messages', conversationId],
    queryFn: async (): Promise<InsightMessage[]> => {
      const out: InsightMessage[] = [];
      let after = 0;
      for (;;) {
        const page = await call('listMessages', {
          params: { conversationId },
          query: { after, limit: PAGE },
        });
        out.push(...page.messages);
        const last = page.messages.at(-1);
        if (!last || page.messages.length < PAGE) break;
        after = last.seq;
      }
      return out;
    },
  });
}
