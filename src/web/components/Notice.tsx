/**
 * A calm status line, announced politely. With `ref`, the caller moves focus to it instead (when the button
 * that led here is gone), and focus is what announces it.
 */
import type { ReactNode, Ref } from 'react';

export function Notice({
  children,
  tone = 'info',
  ref,
}: {
  children: ReactNode;
  tone?: 'info' | 'success';
  ref?: Ref<HTMLParagraphElement>;
}) {
  return (
    <p
      ref={ref}
      className={`notice notice-${tone}`}
      {...(ref ? { tabIndex: -1 } : { role: 'status' })}
    >
      {children}
    </p>
  );
}
