/** Start a circle in the organization; the person can then invite others to it from the conversation. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONVERSATIONS_KEY } from '../../api/conversations.ts';
import { call } from '../../api/http.ts';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { copy } from '../../copy.ts';
import { navigate } from '../../shell/router.tsx';
import { formValues } from '../account/auth-forms.tsx';

export function CirclePanel({ orgId }: { orgId: string }) {
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (name: string) => call('createCircle', { body: { orgId, name } }),
    onSuccess: async (ref) => {
      await client.invalidateQueries({ queryKey: CONVERSATIONS_KEY });
      navigate(`/c/${ref.id}`);
    },
  });
  return (
    <section className="card" aria-labelledby="circle-title">
      <h2 id="circle-title">{copy.circle.title}</h2>
      <ApiForm error={create.error} onSubmit={(form) => create.mutate(formValues(form).name ?? '')}>
        <TextInput label={copy.circle.name} name="name" isRequired />
        <Button type="submit" variant="quiet" busy={create.isPending}>
          {copy.circle.create}
        </Button>
      </ApiForm>
    </section>
  );
}
