/** What others see: presence (on every device), and for each relationship or circle, read sharing and limits. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY, useMe } from '../../api/account.ts';
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
  const client = useQueryClient();
  const me = useMe().data;
  // Kept with the account, so it holds on every device; every open tab of the person follows at once.
  const presence = useMutation({
    mutationFn: (shared: boolean) => call('updateMe', { body: { presenceHidden: !shared } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
  const list = useConversations();
  const names = usePeopleNames(me?.organizations.map((o) => o.id) ?? []);
  const conversations = list.data?.conversations ?? [];
  const title = (c: (typeof conversations)[number]) => conversationTitle(c, me?.user.id, names);
  return (
    <>
      <section className="card" aria-labelledby="sharing-title">
        <h2 id="sharing-title">{copy.settings.privacy}</h2>
        <Toggle
          isSelected={presence.isPending ? presence.variables : !me?.user.presenceHidden}
          onChange={(v) => presence.mutate(v)}
        >
          {copy.settings.presence}
        </Toggle>
        <FormError error={presence.error} />
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
