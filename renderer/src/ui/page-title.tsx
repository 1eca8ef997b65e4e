import { useEffect, type ReactNode } from 'react';
import { nl } from '../i18n/nl';

/** The page h1; tabIndex -1 so the layout can move focus here after navigation. Also sets document.title. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} — ${nl.appName}`;
  }, [title]);
  return (
    <h1 tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
