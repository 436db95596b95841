/** First-run setup on an empty database: the first organization and its admin. Gone once an admin exists. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signedIn } from '../../api/account.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Page } from '../../components/Page.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { copy } from '../../copy.ts';
import { navigate } from '../../shell/router.tsx';
import { formValues, NewAccountFields } from './auth-forms.tsx';

export function SetupPage() {
  const client = useQueryClient();
  const setup = useMutation({
    mutationFn: (v: Record<string, string>) =>
      call('setup', {
        body: {
          organizationName: v.organizationName ?? '',
          displayName: v.displayName ?? '',
          login: v.login ?? '',
          password: v.password ?? '',
        },
      }),
    onSuccess: (me) => {
      signedIn(client, me);
      navigate('/', { replace: true });
    },
  });
  return (
    <Page title={copy.setup.title}>
      <p>{copy.setup.intro}</p>
      <ApiForm error={setup.error} onSubmit={(form) => setup.mutate(formValues(form))}>
        <TextInput
          label={copy.setup.orgName}
          hint={copy.setup.orgNameHint}
          name="organizationName"
          isRequired
        />
        <NewAccountFields />
        <Button type="submit" busy={setup.isPending}>
          {setup.isPending ? copy.setup.busy : copy.setup.submit}
        </Button>
      </ApiForm>
    </Page>
  );
}
