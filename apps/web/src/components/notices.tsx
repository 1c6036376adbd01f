import { ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import { label, STATUS } from '../labels';

/** A refusal, in French, with every bad row of a spreadsheet when the API lists them. */
export function ErrorNotice({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.message}</p>
      {error.rows.length > 0 && (
        <ul className="rows">
          {error.rows.map((row, index) => (
            <li key={index}>
              {row.line != null && <>Ligne {row.line}</>}
              {row.column && <>, colonne « {row.column} »</>}
              {(row.line != null || row.column) && ' : '}
              {row.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a command did, announced politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="notice notice-success" role="status">
      {children}
    </div>
  );
}

export function Loading({ what = 'Chargement' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

export function StatusBadge({ value }: { value: string }) {
  return <span className={`badge badge-${value.toLowerCase()}`}>{label(STATUS, value)}</span>;
}
