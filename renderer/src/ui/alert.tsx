import type { ReactNode } from 'react';

/** An error the worker must notice now (role=alert), or a calm notice (role=status). */
export function Alert({ kind = 'error', title, children }: { kind?: 'error' | 'notice' | 'success'; title?: string; children: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert__title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
