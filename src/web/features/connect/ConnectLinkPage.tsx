/** Accept a connection link (`/connect/:token`): both people said yes, and the relationship opens. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../api/account.ts';
import { CONVERSATIONS_KEY } from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { copy } from '../../copy.ts';
import { navigate } from '../../shell/router.tsx';
import { SignInFirst } from '../../components/SignInFirst.tsx';

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
        <SignInFirst returnTo={`/connect/${token}`} />
      )}
    </Page>
  );
}
