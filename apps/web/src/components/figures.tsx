import type { ReactNode } from 'react';

/** Labelled figures side by side (a report's, a dashboard's, a count's): one markup, read as term and value. */
export function Figures({ items }: { items: ReadonlyArray<readonly [label: string, value: ReactNode]> }) {
  return (
    <dl className="figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
