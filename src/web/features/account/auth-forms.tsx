/** Shared pieces of the account forms: the password field with a show/hide choice and the post-auth redirect. */
import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { TextInput } from '../../components/TextInput.tsx';
import { copy } from '../../copy.ts';

export function PasswordInput({ isNew, autoFocus }: { isNew: boolean; autoFocus?: boolean }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <TextInput
        label={copy.account.password}
        name="password"
        type={shown ? 'text' : 'password'}
        autoComplete={isNew ? 'new-password' : 'current-password'}
        isRequired
        {...(isNew ? { hint: copy.account.passwordNewHint } : {})}
        {...(autoFocus ? { autoFocus } : {})}
      />
      <Checkbox className="checkbox" isSelected={shown} onChange={setShown}>
        <span className="checkbox-box" aria-hidden="true" />
        {copy.account.showPassword}
      </Checkbox>
    </>
  );
}

/** Where to go after signing in: `?next=` if it is a path inside the app, else home. */
export function nextPath(): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The form's values as strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string') out[k] = v;
  });
  return out;
}

/** The fields a new account needs: the name others see, the sign-in name and a new password. */
export function NewAccountFields() {
  return (
    <>
      <TextInput
        label={copy.account.displayName}
        hint={copy.account.displayNameHint}
        name="displayName"
        autoComplete="nickname"
        isRequired
      />
      <TextInput
        label={copy.account.login}
        hint={copy.account.loginHint}
        name="login"
        autoComplete="username"
        isRequired
      />
      <PasswordInput isNew />
    </>
  );
}
