/**
 * The one-line field a reflection or intention starts from: it is required, and when a form is sent without it
 * the field shows our own message beneath it (tied to it like the account forms' messages), not the browser's.
 */
import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

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
    <TextField
      className="field"
      validationBehavior="aria"
      isRequired
      isInvalid={missing}
      value={value}
      onChange={onChange}
    >
      <Label className="field-label">{label}</Label>
      <Input className="field-input" ref={inputRef} />
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field-error">{message}</FieldError>
    </TextField>
  );
}
