/** Picks one of the person's relationships or circles (or none). */
import { conversationTitle, useConversation, useConversations, useMyId } from './api.ts';

function Option({ id }: { id: string }) {
  const detail = useConversation(id);
  return <option value={id}>{conversationTitle(detail.data, useMyId())}</option>;
}

export function ConversationSelect({
  label,
  none,
  value,
  onChange,
}: {
  label: string;
  none: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const list = useConversations();
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        className="ft-select"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{none}</option>
        {list.data?.conversations.map((c) => (
          <Option key={c.id} id={c.id} />
        ))}
      </select>
    </label>
  );
}
