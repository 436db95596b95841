/**
 * A labelled text field (React Aria) with an optional hint. The message beneath it is the caller's `error`
 * (a check made in the page), or else the API's message for its name.
 */
import type { Ref } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';
import { useFieldError } from './ApiForm.tsx';

export interface TextInputProps extends Omit<TextFieldProps, 'children'> {
  label: string;
  hint?: string;
  /** A message from the page itself, e.g. for a required field sent empty. */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextInput({ label, hint, error: own, inputRef, ...rest }: TextInputProps) {
  const fromApi = useFieldError(rest.name);
  const error = own ?? fromApi;
  return (
    <TextField className="field" validationBehavior="aria" isInvalid={Boolean(error)} {...rest}>
      <Label className="field-label">{label}</Label>
      <Input className="field-input" ref={inputRef} />
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
