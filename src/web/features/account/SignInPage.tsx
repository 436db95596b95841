/** Sign in with an email or username and a password. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signedIn } from '../../api/account.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Page } from '../../components/Page.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { copy } from '../../copy.ts';
import { Link, navigate } from '../../shell/router.tsx';
import { formValues, nextPath, PasswordInput } from './auth-forms.tsx';

export function SignInPage() {
  const client = useQueryClient();
  const signIn = useMutation({
    mutationFn: (v: Record<string, string>) =>
      call('signIn', { body: { login: v.login ?? '', password: v.password ?? '' } }),
    onSuccess: (me) => {
      signedIn(client, me);
      navigate(nextPath(), { replace: true });
    },
  });
  const next = new URLSearchParams(window.location.search).get('next');
  return (
    <Page title={copy.account.signInTitle}>
      <p>{copy.account.signInIntro}</p>
      <ApiForm error={signIn.error} onSubmit={(form) => signIn.mutate(formValues(form))}>
        <TextInput label={copy.account.login} name="login" autoComplete="username" isRequired />
        <PasswordInput isNew={false} />
        <Button type="submit" busy={signIn.isPending}>
          {signIn.isPending ? copy.account.signInBusy : copy.account.signInSubmit}
        </Button>
      </ApiForm>
      <p>
        {copy.account.needAccount}{' '}
        <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>
          {copy.app.signUp}
        </Link>
      </p>
    </Page>
  );
}
