/** Accept a connection link (`/connect/:token`): both people said yes, and the relationship opens. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../api/account.ts';
import { CONVERSATIONS_KEY } from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { copy } from '../../copy.ts';
import { Link, navigate } from '../../shell/router.tsx';

export function ConnectLinkPage({ token }: { token: string }) {
  const client = useQueryClient();
  const me = useMe();
  const accept = useMutation({
    mutationFn: () => call('acceptConnectionLink', { body: { token } }),
    onSuccess: async (ref) => {
      await client.invalidateQueries({ queryKey: CONVERSATIONS_KEY });
      navigate(`/c/${ref.id}`);
    },
  });
  const here = encodeURIComponent(`/connect/${token}`);
  return (
    <Page title={copy.connect.joinTitle}>
      <p>{copy.connect.joinIntro}</p>
      {me.data ? (
        <>
          <FormError error={accept.error} />
          <Button onPress={() => accept.mutate()} busy={accept.isPending}>
            {copy.connect.accept}
          </Button>
        </>
      ) : (
        <>
          <p>{copy.join.signInFirst}</p>
          <p className="actions">
            <Link className="btn btn-primary" href={`/sign-up?next=${here}`}>
              {copy.app.signUp}
            </Link>
            <Link className="btn btn-quiet" href={`/sign-in?next=${here}`}>
              {copy.app.signIn}
            </Link>
          </p>
        </>
      )}
    </Page>
  );
}
