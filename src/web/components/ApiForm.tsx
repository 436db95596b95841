/** A plain form that hands the API's field messages to the inputs named in them, and shows the overall message. */
import { createContext, type FormEvent, type ReactNode, useContext } from 'react';
import { FormError, fieldErrors } from './FormError.tsx';

const FieldErrors = createContext<Record<string, string>>({});

/** The server's message for the input called `name`, if any. */
export const useFieldError = (name: string | undefined): string | undefined => {
  const errors = useContext(FieldErrors);
  return name ? errors[name] : undefined;
};

export function ApiForm({
  error,
  onSubmit,
  children,
  label,
}: {
  error: unknown;
  onSubmit: (form: HTMLFormElement) => void;
  children: ReactNode;
  label?: string;
}) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit(e.currentTarget);
  };
  return (
    <form className="form" noValidate onSubmit={submit} {...(label ? { 'aria-label': label } : {})}>
      <FormError error={error} />
      <FieldErrors.Provider value={fieldErrors(error)}>{children}</FieldErrors.Provider>
    </form>
  );
}
