/** A labelled text field (React Aria) with an optional hint; the API's message for its name shows beneath it. */
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
}

export function TextInput({ label, hint, ...rest }: TextInputProps) {
  const error = useFieldError(rest.name);
  return (
    <TextField className="field" validationBehavior="aria" isInvalid={Boolean(error)} {...rest}>
      <Label className="field-label">{label}</Label>
      <Input className="field-input" />
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
