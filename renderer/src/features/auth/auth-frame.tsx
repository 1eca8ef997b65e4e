import type { ReactNode } from 'react';
import { nl } from '../../i18n/nl';
import { PageTitle } from '../../ui/page-title';

/** The calm, centred frame of the screens before the app opens. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="auth">
      <header className="auth__brand">
        <p className="brand">{nl.appName}</p>
      </header>
      <main id="inhoud" className="auth__card">
        <PageTitle title={title}>{title}</PageTitle>
        {children}
      </main>
    </div>
  );
}

/** The quiet ways on under a form (back, a forgotten PIN, another account): link-styled buttons on one line. */
export function AuthLinks({ links }: { links: { label: string; onClick: () => void }[] }) {
  return (
    <p className="auth__secondary">
      {links.map(({ label, onClick }) => (
        <button key={label} type="button" className="link-button" onClick={onClick}>
          {label}
        </button>
      ))}
    </p>
  );
}
