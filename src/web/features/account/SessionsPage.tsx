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

/**
 * Each session's button name, telling the sessions apart even on one kind of browser: "this browser" for the
 * current one, when it was last active for the others, and its place in the list where two would still read alike.
 */
export function revokeNames(sessions: Session[]): string[] {
  const named = sessions.map((s) => {
    const vars = { device: deviceName(s.userAgent), when: when(s.lastSeenAt) };
    return {
      vars,
      name: fill(s.isCurrent ? copy.sessions.revokeCurrent : copy.sessions.revokeNamed, vars),
    };
  });
  const names = named.map((x) => x.name);
  return named.map(({ vars, name }, i) =>
    names.indexOf(name) === names.lastIndexOf(name)
      ? name
      : fill(copy.sessions.revokeNumbered, { ...vars, n: i + 1 }),
  );
}

function SessionRow({
  session,
  name,
  onRevoke,
  busy,
}: {
  session: Session;
  /** The button's accessible name, unique in the list. */
  name: string;
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
      <Button variant="quiet" onPress={onRevoke} isDisabled={busy} aria-label={name}>
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
  const names = revokeNames(list);
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
        {list.map((s, i) => (
          <SessionRow
            key={s.id}
            session={s}
            name={names[i] ?? copy.sessions.revoke}
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
