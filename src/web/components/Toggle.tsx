/** A labelled on/off switch (React Aria Switch). */
import { Switch, type SwitchProps } from 'react-aria-components';

export function Toggle({
  children,
  ...rest
}: Omit<SwitchProps, 'children'> & { children: string }) {
  return (
    <Switch className="switch" {...rest}>
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span>{children}</span>
    </Switch>
  );
}
