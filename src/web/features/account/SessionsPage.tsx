/** The person's signed-in sessions, each revocable, plus "sign out everywhere else". */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ResponseFor } from '../../api/http.ts';
import { signedOut } from '../../api/account.ts';
import { Button } from '../../components/Button.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { copy, fill, when } from '../../copy.ts';
import { navigate } from '../../shell/router.tsx';

type Session = ResponseFor<'listSessions'>['sessions'][number];

/** A readable name for a user-agent string, without sniffing more than needed. */
export function deviceName(ua: string | null): string {
  if (!ua) return copy.sessions.unknownDevice;
  const browser = /Firefox\//.test(ua)
    ? 'Firefox'
    : /Edg\//.test(ua)
      ? 'Edge'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chromium'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, os].filter(Boolean).join(' on ') || copy.sessions.unknownDevice;
}

function SessionRow({
  session,
  onRevoke,
  busy,
}: {
  session: Session;
  onRevoke: () => void;
  busy: boolean;
}) {
  const device = deviceName(session.userAgent);
  return (
    <li className="card row">
      <div>
        <p className="row-title">
          {device}
          {session.isCurrent ? <span className="tag">{copy.sessions.current}</span> : null}
        </p>
        <p className="muted">{fill(copy.sessions.started, { when: when(session.createdAt) })}</p>
        <p className="muted">{fill(copy.sessions.lastSeen, { when: when(session.lastSeenAt) })}</p>
        {session.pushNotices ? <p className="muted">{copy.sessions.pushNotices}</p> : null}
      </div>
      <Button
        variant="quiet"
        onPress={onRevoke}
        isDisabled={busy}
        aria-label={fill(copy.sessions.revokeNamed, { device })}
      >
        {copy.sessions.revoke}
      </Button>
    </li>
  );
}

export function SessionsPage() {
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: () => call('listSessions') });
  const revoke = useMutation({
    mutationFn: (s: Session) =>
      call('revokeSession', { params: { sessionId: s.id } }).then(() => s),
    onSuccess: (s) => {
      if (s.isCurrent) {
        signedOut(client);
        navigate('/sign-in', { replace: true });
      } else void client.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const revokeOthers = useMutation({
    mutationFn: () => call('revokeAllSessions', { body: { keepCurrent: true } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sessions'] }),
  });
  const list = sessions.data?.sessions ?? [];
  return (
    <Page title={copy.sessions.title}>
      <p>{copy.sessions.intro}</p>
      <FormError error={sessions.error ?? revoke.error ?? revokeOthers.error} />
      {revoke.isSuccess ? <Notice tone="success">{copy.sessions.revoked}</Notice> : null}
      {revokeOthers.data ? (
        <Notice tone="success">
          {fill(copy.sessions.revokedOthers, { count: revokeOthers.data.count })}
        </Notice>
      ) : null}
      {sessions.isPending ? <p>{copy.app.loading}</p> : null}
      <ul className="list" aria-label={copy.sessions.title}>
        {list.map((s) => (
          <SessionRow
            key={s.id}
            session={s}
            busy={revoke.isPending}
            onRevoke={() => revoke.mutate(s)}
          />
        ))}
      </ul>
      {list.length > 1 ? (
        <Button variant="quiet" onPress={() => revokeOthers.mutate()} busy={revokeOthers.isPending}>
          {copy.sessions.revokeOthers}
        </Button>
      ) : list.length === 1 ? (
        <p className="muted">{copy.sessions.none}</p>
      ) : null}
    </Page>
  );
}
