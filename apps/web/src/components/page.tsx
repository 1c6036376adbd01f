import { ReactNode, useEffect, useRef } from 'react';

/**
 * One page of the console: its title in the tab and as the h1, which takes the focus when the page
 * opens so that a screen reader announces where a link led.
 */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Réseau de réemploi`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}
