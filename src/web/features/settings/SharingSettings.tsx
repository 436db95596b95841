/** What others see: presence (for this browser), and for each relationship or circle, read sharing and limits. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../api/account.ts';
import {
  conversationKey,
  conversationTitle,
  useConversations,
  usePeopleNames,
} from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { FormError } from '../../components/FormError.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { copy, fill } from '../../copy.ts';
import { MyLimits } from '../conversation/LimitsPanel.tsx';
import { isPresenceShared } from '../conversation/live.ts';
import { useLive } from '../conversation/live-context.tsx';

function ReadSharing({ conversationId, name }: { conversationId: string; name: string }) {
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: conversationKey(conversationId),
    queryFn: () => call('getConversation', { params: { conversationId } }),
  });
  const save = useMutation({
    mutationFn: (shareReadMarkers: boolean) =>
      call('updateSettings', { params: { conversationId }, body: { shareReadMarkers } }),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKey(conversationId) }),
  });
  if (!detail.data) return null;
  return (
    <>
      <Toggle
        isSelected={save.isPending ? save.variables : detail.data.shareReadMarkers}
        onChange={(v) => save.mutate(v)}
      >
        {fill(copy.settings.readIn, { name })}
      </Toggle>
      <FormError error={save.error} />
    </>
  );
}

export function SharingSettings() {
  const live = useLive();
  const me = useMe().data;
  const [presence, setPresence] = useState(isPresenceShared);
  const list = useConversations();
  const names = usePeopleNames(me?.organizations.map((o) => o.id) ?? []);
  const conversations = list.data?.conversations ?? [];
  const title = (c: (typeof conversations)[number]) => conversationTitle(c, me?.user.id, names);
  return (
    <>
      <section className="card" aria-labelledby="sharing-title">
        <h2 id="sharing-title">{copy.settings.privacy}</h2>
        <Toggle
          isSelected={presence}
          onChange={(v) => {
            setPresence(v);
            if (live) live.setPresence(v);
            else localStorage.setItem('mutual.presence', v ? 'visible' : 'hidden');
          }}
        >
          {copy.settings.presence}
        </Toggle>
      </section>
      <section className="card" aria-labelledby="limits-title">
        <h2 id="limits-title">{copy.settings.relationships}</h2>
        <p className="muted">{copy.settings.limitsIntro}</p>
        {conversations.length === 0 ? (
          <p className="muted">{copy.settings.noRelationships}</p>
        ) : null}
        {conversations.map((c) => (
          <details key={c.id} className="card">
            <summary>{title(c)}</summary>
            <ReadSharing conversationId={c.id} name={title(c)} />
            <MyLimits conversationId={c.id} me={me?.user.id ?? ''} />
          </details>
        ))}
      </section>
    </>
  );
}
