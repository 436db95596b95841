/** In a circle: whether its people can bring others in. Anyone in the circle may change it (no roles). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/http.ts';
import { FormError } from '../../components/FormError.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { copy } from '../../copy.ts';
import { conversationKey } from '../../api/conversations.ts';

export function CircleOpenness({
  conversationId,
  open,
}: {
  conversationId: string;
  open: boolean;
}) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (membersCanInvite: boolean) =>
      call('updateCircle', { params: { conversationId }, body: { membersCanInvite } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKey(conversationId) }),
  });
  return (
    <div className="card">
      <Toggle
        isSelected={change.isPending ? Boolean(change.variables) : open}
        onChange={(v) => change.mutate(v)}
      >
        {copy.circle.openToggle}
      </Toggle>
      <p className="muted">{open ? copy.circle.openNote : copy.circle.closedNote}</p>
      <FormError error={change.error} />
    </div>
  );
}
