/** Per relationship or circle: may the people there read my page? Each switch grants or revokes at once. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import { FormError } from '../../components/FormError.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { conversationTitle, useConversation, useConversations, useMyId } from '../together/api.ts';
import { fill } from '../together/copy.ts';
import { copyW } from './copy.ts';

const KEY = ['four-tasks', 'worldview', 'mine'];

function ReaderSwitch({ id, on }: { id: string; on: boolean }) {
  const client = useQueryClient();
  const me = useMyId();
  const detail = useConversation(id);
  const change = useMutation({
    mutationFn: (grant: boolean) =>
      grant
        ? call('grantWorldview', { params: { conversationId: id } })
        : call('revokeWorldview', { params: { conversationId: id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <li>
      <Toggle isSelected={on} onChange={(v) => change.mutate(v)}>
        {fill(copyW.canRead, { name: conversationTitle(detail.data, me) })}
      </Toggle>
      <FormError error={change.error} />
    </li>
  );
}

export function Readers({ granted }: { granted: string[] }) {
  const list = useConversations();
  const conversations = list.data?.conversations ?? [];
  return (
    <section className="card stack" aria-labelledby="ft-readers">
      <h2 id="ft-readers">{copyW.readers}</h2>
      <p className="muted">{copyW.readersLead}</p>
      {list.isSuccess && conversations.length === 0 ? <p>{copyW.noConversations}</p> : null}
      <ul className="list">
        {conversations.map((c) => (
          <ReaderSwitch key={c.id} id={c.id} on={granted.includes(c.id)} />
        ))}
      </ul>
    </section>
  );
}
