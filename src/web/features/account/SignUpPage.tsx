/** Make an account: a display name, an email or username, and a password. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signedIn } from '../../api/account.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Page } from '../../components/Page.tsx';
import { copy } from '../../copy.ts';
import { Link, navigate } from '../../shell/router.tsx';
import { formValues, NewAccountFields, nextPath } from './auth-forms.tsx';

export function SignUpPage() {
  const client = useQueryClient();
  const signUp = useMutation({
    mutationFn: (v: Record<string, string>) =>
      call('signUp', {
        body: {
          displayName: v.displayName ?? '',
          login: v.login ?? '',
          password: v.password ?? '',
        },
      }),
    onSuccess: (me) => {
      signedIn(client, me);
      navigate(nextPath(), { replace: true });
    },
  });
  const next = new URLSearchParams(window.location.search).get('next');
  return (
    <Page title={copy.account.signUpTitle}>
      <p>{copy.account.signUpIntro}</p>
      <ApiForm error={signUp.error} onSubmit={(form) => signUp.mutate(formValues(form))}>
        <NewAccountFields />
        <Button type="submit" busy={signUp.isPending}>
          {signUp.isPending ? copy.account.signUpBusy : copy.account.signUpSubmit}
        </Button>
      </ApiForm>
      <p>
        {copy.account.haveAccount}{' '}
        <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>
          {copy.app.signIn}
        </Link>
      </p>
    </Page>
  );
}
