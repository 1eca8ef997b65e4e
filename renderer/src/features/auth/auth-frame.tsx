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
