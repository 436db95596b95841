/**
 * React Aria buttons in the app's styles. `busy` ignores presses while a request runs and keeps focus in place
 * (React Aria's own isPending announces through a live region that axe flags once its label is gone).
 */
import type { Ref } from 'react';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

export interface AppButtonProps extends Omit<ButtonProps, 'isPending'> {
  variant?: 'primary' | 'quiet' | 'plain';
  busy?: boolean;
  /** The button element, e.g. to give focus back to it (React 19 passes `ref` as a prop). */
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'primary',
  className,
  busy = false,
  onPress,
  type,
  ...rest
}: AppButtonProps) {
  return (
    <AriaButton
      className={`btn btn-${variant}${busy ? ' is-busy' : ''}${typeof className === 'string' ? ` ${className}` : ''}`}
      type={busy && type === 'submit' ? 'button' : type}
      {...(onPress ? { onPress: busy ? () => undefined : onPress } : {})}
      {...rest}
    />
  );
}
