/** Accept an organization invitation from its link (`/join/:token`). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Notice } from '../../components/Notice.tsx';
import { ME_KEY, useMe } from '../../api/account.ts';
import { ApiError, call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Page } from '../../components/Page.tsx';
import { copy, fill, when } from '../../copy.ts';
import { Link } from '../../shell/router.tsx';
import { SignInFirst } from '../../components/SignInFirst.tsx';

const CLOSED = {
  used: copy.join.used,
  expired: copy.join.expired,
  revoked: copy.join.revoked,
} as const;

export function JoinPage({ token }: { token: string }) {
  const client = useQueryClient();
  const me = useMe();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => call('previewInvitation', { params: { token } }),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => call('acceptInvitation', { body: { token } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
  const org = preview.data?.orgName ?? '';
  // The button pressed is gone once joined: focus moves to the message saying so, not to the page body.
  const joined = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (accept.isSuccess) joined.current?.focus();
  }, [accept.isSuccess]);

  if (preview.isPending || me.isPending) return <Page title={copy.app.loading}>{null}</Page>;
  if (preview.error) {
    const unknown = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <Page title={copy.invite.title}>
        {unknown ? <p>{copy.join.unknown}</p> : <FormError error={preview.error} />}
      </Page>
    );
  }
  const status = preview.data.status;
  return (
    <Page title={fill(copy.join.title, { org })}>
      {accept.isSuccess ? (
        <>
          <Notice tone="success" ref={joined}>
            {fill(copy.join.joined, { org })}
          </Notice>
          <p>
            <Link href="/">{copy.app.backHome}</Link>
          </p>
        </>
      ) : status !== 'open' ? (
        <p>{CLOSED[status]}</p>
      ) : (
        <>
          <p>{fill(copy.join.intro, { org })}</p>
          <p className="muted">{fill(copy.join.expires, { when: when(preview.data.expiresAt) })}</p>
          {/* Read before joining, so no one shares anything before knowing it (IPS, "No coercion"). */}
          <section aria-labelledby="join-statement">
            <h2 id="join-statement">{fill(copy.support.statementTitle, { org })}</h2>
            <p className="pre-line">{preview.data.outsideServicesStatement}</p>
          </section>
          {me.data ? (
            <>
              <FormError error={accept.error} />
              <Button onPress={() => accept.mutate()} busy={accept.isPending}>
                {accept.isPending ? copy.join.busy : fill(copy.join.accept, { org })}
              </Button>
            </>
          ) : (
            <SignInFirst returnTo={`/join/${token}`} />
          )}
        </>
      )}
    </Page>
  );
}
