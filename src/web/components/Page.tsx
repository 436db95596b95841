/** A page: sets the document title and moves focus to its heading when it opens, so screen readers hear the change. */
import { type ReactNode, useEffect, useRef } from 'react';
import { copy } from '../copy.ts';

export function Page({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${copy.app.name}`;
  }, [title]);
  useEffect(() => {
    // Once per page, after in-app navigation (on first load the browser's own start point is kept). Never
    // again when the title changes (e.g. "Loading…" → a name): that would pull focus from someone typing.
    if (document.body.dataset.navigated === 'true')
      heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </div>
  );
}
