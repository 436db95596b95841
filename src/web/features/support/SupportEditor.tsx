/** The admin's editor for the organization's resources and its statement about outside services. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type ResponseFor } from '../../api/http.ts';
import { orgKey } from '../../api/organization.ts';
import { Button } from '../../components/Button.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { TextArea } from '../../components/TextArea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { copy, fill } from '../../copy.ts';

type Org = ResponseFor<'getOrganization'>;
interface Draft {
  key: number;
  label: string;
  contact: string;
  note: string;
}

let nextKey = 1;

export function SupportEditor({ org, onDone }: { org: Org; onDone: () => void }) {
  const client = useQueryClient();
  const [statement, setStatement] = useState(org.outsideServicesStatement);
  const [resources, setResources] = useState<Draft[]>(() =>
    org.resources.map((r) => ({
      key: nextKey++,
      label: r.label,
      contact: r.contact,
      note: r.note ?? '',
    })),
  );
  const save = useMutation({
    mutationFn: () =>
      call('updateOrganization', {
        params: { orgId: org.id },
        body: {
          outsideServicesStatement: statement,
          resources: resources.map((r) => ({
            label: r.label,
            contact: r.contact,
            ...(r.note.trim() ? { note: r.note } : {}),
          })),
        },
      }),
    onSuccess: (updated) => {
      client.setQueryData(orgKey(org.id), updated);
      onDone();
    },
  });
  const update = (key: number, patch: Partial<Draft>) =>
    setResources((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <ApiForm error={save.error} onSubmit={() => save.mutate()}>
      <h2>{copy.support.editTitle}</h2>
      {resources.map((r, i) => (
        <fieldset key={r.key} className="card fieldset">
          <legend>{fill(copy.support.resourceN, { n: i + 1 })}</legend>
          <TextInput
            label={copy.support.resourceLabel}
            name={`resources.${i}.label`}
            value={r.label}
            onChange={(label) => update(r.key, { label })}
            isRequired
          />
          <TextInput
            label={copy.support.resourceContact}
            name={`resources.${i}.contact`}
            value={r.contact}
            onChange={(contact) => update(r.key, { contact })}
            isRequired
          />
          <TextInput
            label={copy.support.resourceNote}
            name={`resources.${i}.note`}
            value={r.note}
            onChange={(note) => update(r.key, { note })}
          />
          <Button
            variant="plain"
            aria-label={fill(copy.support.removeResourceLabel, {
              label: r.label || fill(copy.support.resourceN, { n: i + 1 }),
            })}
            onPress={() => setResources((rs) => rs.filter((x) => x.key !== r.key))}
          >
            {copy.support.removeResource}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="quiet"
        onPress={() =>
          setResources((rs) => [...rs, { key: nextKey++, label: '', contact: '', note: '' }])
        }
      >
        {copy.support.addResource}
      </Button>
      <TextArea
        label={copy.support.statement}
        hint={copy.support.statementHint}
        name="outsideServicesStatement"
        value={statement}
        onChange={setStatement}
        rows={5}
      />
      <div className="actions">
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? copy.support.saving : copy.support.save}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {copy.support.cancel}
        </Button>
      </div>
    </ApiForm>
  );
}
