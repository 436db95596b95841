/** For a link that needs an account: sign up or sign in, then come back to `returnTo`. */
import { copy } from '../copy.ts';
import { Link } from '../shell/router.tsx';

export function SignInFirst({ returnTo }: { returnTo: string }) {
  const next = encodeURIComponent(returnTo);
  return (
    <>
      <p>{copy.join.signInFirst}</p>
      <p className="actions">
        <Link className="btn btn-primary" href={`/sign-up?next=${next}`}>
          {copy.app.signUp}
        </Link>
        <Link className="btn btn-quiet" href={`/sign-in?next=${next}`}>
          {copy.app.signIn}
        </Link>
      </p>
    </>
  );
}
