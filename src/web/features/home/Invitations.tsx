/** Connection invitations waiting for the person (accept or not now), and the ones they sent (withdraw). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONVERSATIONS_KEY, useConnectionInvitations } from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { copy, fill } from '../../copy.ts';
import { navigate } from '../../shell/router.tsx';

export function Invitations() {
  const client = useQueryClient();
  const list = useConnectionInvitations();
  const refresh = () => client.invalidateQueries({ queryKey: CONVERSATIONS_KEY });
  const accept = useMutation({
    mutationFn: (id: string) =>
      call('acceptConnectionInvitation', { params: { invitationId: id } }),
    onSuccess: async (ref) => {
      await refresh();
      navigate(`/c/${ref.id}`);
    },
  });
  const decline = useMutation({
    mutationFn: (id: string) =>
      call('declineConnectionInvitation', { params: { invitationId: id } }),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      call('withdrawConnectionInvitation', { params: { invitationId: id } }),
    onSuccess: refresh,
  });
  const received = list.data?.received ?? [];
  const sent = list.data?.sent ?? [];
  return (
    <section className="card" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{copy.connect.received}</h2>
      <FormError error={list.error ?? accept.error ?? decline.error ?? withdraw.error} />
      {received.length ? (
        <ul className="list">
          {received.map((i) => (
            <li key={i.id} className="row">
              <p>
                {i.kind === 'circle'
                  ? fill(copy.connect.toCircle, {
                      name: i.createdByName,
                      circle: i.circleName ?? '',
                    })
                  : fill(copy.connect.from, { name: i.createdByName })}
              </p>
              <div className="actions">
                <Button onPress={() => accept.mutate(i.id)} busy={accept.isPending}>
                  {copy.connect.acceptOne}
                </Button>
                <Button variant="plain" onPress={() => decline.mutate(i.id)}>
                  {copy.connect.decline}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{copy.connect.noneReceived}</p>
      )}
      {sent.length ? (
        <>
          <h3>{copy.connect.sent}</h3>
          <ul className="list">
            {sent.map((i) => (
              <li key={i.id} className="row">
                <p>
                  {i.inviteeName
                    ? fill(copy.connect.to, { name: i.inviteeName })
                    : copy.connect.toAnyone}
                </p>
                <Button variant="plain" onPress={() => withdraw.mutate(i.id)}>
                  {copy.connect.withdraw}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
