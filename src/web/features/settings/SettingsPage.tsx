/** Settings: display name and pronouns, what others see, the coach switch, limits per relationship, sessions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ME_KEY, useMe } from '../../api/account.ts';
import { call } from '../../api/http.ts';
import { Button } from '../../components/Button.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { copy, fill } from '../../copy.ts';
import { BLOCKS_KEY } from '../../api/conversations.ts';
import { Link } from '../../shell/router.tsx';
import { formValues } from '../account/auth-forms.tsx';
import { noticePermission, useNoticesEnabled } from '../notices/notices.ts';
import {
  PUSH_KEY,
  PushError,
  pushSupported,
  turnOffPush,
  turnOnPush,
  usePushStatus,
} from '../notices/push.ts';
import { useCoachEnabled } from './coach-setting.ts';
import { SharingSettings } from './SharingSettings.tsx';

function Profile() {
  const client = useQueryClient();
  const me = useMe();
  const save = useMutation({
    mutationFn: (v: Record<string, string>) =>
      call('updateMe', {
        body: {
          displayName: v.displayName ?? '',
          pronouns: v.pronouns?.trim() ? v.pronouns : null,
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
  const user = me.data?.user;
  if (!user) return null;
  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{copy.settings.profile}</h2>
      <ApiForm error={save.error} onSubmit={(form) => save.mutate(formValues(form))}>
        <TextInput
          label={copy.account.displayName}
          name="displayName"
          defaultValue={user.displayName}
          isRequired
        />
        <TextInput
          label={copy.settings.pronouns}
          hint={copy.settings.pronounsHint}
          name="pronouns"
          defaultValue={user.pronouns ?? ''}
        />
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? copy.settings.saving : copy.settings.save}
        </Button>
        {save.isSuccess ? <Notice tone="success">{copy.settings.saved}</Notice> : null}
      </ApiForm>
    </section>
  );
}

function Coach() {
  const [on, setOn] = useCoachEnabled();
  return (
    <section className="card" aria-labelledby="coach-title">
      <h2 id="coach-title">{copy.settings.coach}</h2>
      <Toggle isSelected={on} onChange={setOn}>
        {copy.settings.coachOn}
      </Toggle>
      <p className="muted">{copy.settings.coachHint}</p>
    </section>
  );
}

/** Opt-in notices of new messages while the page is out of sight; the browser asks once for permission. */
function Notices() {
  const [on, setOn] = useNoticesEnabled();
  const [permission, setPermission] = useState(noticePermission);
  const change = async (next: boolean) => {
    if (next && permission === 'default') {
      const answer = await Notification.requestPermission();
      setPermission(answer);
      if (answer !== 'granted') return;
    }
    setOn(next);
  };
  return (
    <section className="card" aria-labelledby="notices-title">
      <h2 id="notices-title">{copy.settings.notices}</h2>
      <Toggle
        isSelected={on && permission === 'granted'}
        isDisabled={permission === 'denied' || permission === 'unsupported'}
        onChange={(next) => void change(next)}
      >
        {copy.notices.setting}
      </Toggle>
      <p className="muted">{copy.notices.hint}</p>
      <PushNotices permission={permission} onPermission={setPermission} />
      {permission === 'denied' ? <Notice>{copy.notices.denied}</Notice> : null}
      {permission === 'unsupported' ? <Notice>{copy.notices.unsupported}</Notice> : null}
    </section>
  );
}

/**
 * Opt-in notices while Mutual is closed (Web Push, see notices/push.ts). Offered only where this server
 * sends pushes and this browser can take them; otherwise the switch stays off and says why.
 */
function PushNotices({
  permission,
  onPermission,
}: {
  permission: ReturnType<typeof noticePermission>;
  onPermission: (p: ReturnType<typeof noticePermission>) => void;
}) {
  const client = useQueryClient();
  const status = usePushStatus();
  const change = useMutation({
    mutationFn: async (next: boolean) => {
      if (!next) return turnOffPush();
      await turnOnPush(status.data?.publicKey ?? '').finally(() =>
        onPermission(noticePermission()),
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: PUSH_KEY }),
  });
  if (permission === 'unsupported') return null;
  const offered = status.data?.enabled === true && status.data.publicKey !== null;
  const reason = !pushSupported()
    ? copy.push.unsupported
    : status.data && !offered
      ? copy.push.serverOff
      : null;
  const subscribed = status.data?.subscribed === true;
  // Turning off stays possible whatever changed since turning on.
  const canTurnOn = offered && reason === null && permission !== 'denied';
  return (
    <>
      <Toggle
        isSelected={subscribed}
        isDisabled={change.isPending || !(subscribed || canTurnOn)}
        onChange={(next) => change.mutate(next)}
      >
        {copy.push.setting}
      </Toggle>
      <p className="muted">{copy.push.hint}</p>
      {change.isPending ? <Notice>{copy.push.busy}</Notice> : null}
      {reason ? <Notice>{reason}</Notice> : null}
      {change.error instanceof PushError ? (
        <p className="notice notice-error" role="alert">
          {change.error.message}
        </p>
      ) : (
        <FormError error={status.error ?? change.error} />
      )}
    </>
  );
}

/** Whom the person blocked, each with an Unblock button. Only they see this list. */
function BlockedPeople() {
  const client = useQueryClient();
  const blocked = useQuery({ queryKey: BLOCKS_KEY, queryFn: () => call('listBlocks') });
  const unblock = useMutation({
    mutationFn: (who: { userId: string; displayName: string }) =>
      call('unblock', { params: { userId: who.userId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: BLOCKS_KEY }),
  });
  const people = blocked.data?.people ?? [];
  return (
    <section className="card" aria-labelledby="blocks-title">
      <h2 id="blocks-title">{copy.blocks.title}</h2>
      <p className="muted">{copy.blocks.hint}</p>
      {blocked.isSuccess && people.length === 0 ? <p>{copy.blocks.none}</p> : null}
      {people.length ? (
        <ul className="list">
          {people.map((p) => (
            <li key={p.userId}>
              {p.displayName}{' '}
              <Button
                variant="plain"
                busy={unblock.isPending && unblock.variables?.userId === p.userId}
                onPress={() => unblock.mutate(p)}
              >
                {fill(copy.blocks.unblock, { name: p.displayName })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {unblock.isSuccess ? (
        <Notice tone="success">
          {fill(copy.blocks.unblocked, { name: unblock.variables.displayName })}
        </Notice>
      ) : null}
      <FormError error={blocked.error ?? unblock.error} />
    </section>
  );
}

export function SettingsPage() {
  return (
    <Page title={copy.settings.title} wide>
      <div className="home-grid">
        <Profile />
        <div className="stack">
          <Coach />
          <SharingSettings />
          <Notices />
          <BlockedPeople />
        </div>
      </div>
      <p>
        <Link href="/sessions">{copy.settings.sessionsLink}</Link>
      </p>
    </Page>
  );
}
