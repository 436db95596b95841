/** A calm status line, announced politely. */
import type { ReactNode } from 'react';

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success';
}) {
  return (
    <p className={`notice notice-${tone}`} role="status">
      {children}
    </p>
  );
}
