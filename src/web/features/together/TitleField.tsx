/**
 * The one-line field a reflection or intention starts from: it is required, and when a form is sent without it
 * the field shows our own message beneath it (tied to it like the account forms' messages), not the browser's.
 */
import type { Ref } from 'react';
import { TextInput } from '../../components/TextInput.tsx';

export function TitleField({
  label,
  hint,
  value,
  onChange,
  missing,
  message,
  inputRef,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  /** True once the form was sent while the field was empty, until something is written. */
  missing: boolean;
  /** What the field needs, said when it is missing. */
  message: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <TextInput
      label={label}
      {...(hint ? { hint } : {})}
      isRequired
      value={value}
      onChange={onChange}
      error={missing ? message : undefined}
      {...(inputRef ? { inputRef } : {})}
    />
  );
}
