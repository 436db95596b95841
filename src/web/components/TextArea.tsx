/** A labelled multi-line field (React Aria); the API's message for its name shows beneath it. */
import {
  FieldError,
  Label,
  Text,
  TextArea as AriaTextArea,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';
import { useFieldError } from './ApiForm.tsx';

export interface TextAreaProps extends Omit<TextFieldProps, 'children'> {
  label: string;
  hint?: string;
  rows?: number;
}

export function TextArea({ label, hint, rows = 4, ...rest }: TextAreaProps) {
  const error = useFieldError(rest.name);
  return (
    <TextField className="field" validationBehavior="aria" isInvalid={Boolean(error)} {...rest}>
      <Label className="field-label">{label}</Label>
      <AriaTextArea className="field-input" rows={rows} />
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
