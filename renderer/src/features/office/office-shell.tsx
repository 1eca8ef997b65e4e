import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import type { OfficeSession } from '../../data/office-session';
import { nl } from '../../i18n/nl';
import { officeText } from './office-text';
import './office.css';

/**
 * The office shell: header and main landmark for a counsellor or team lead online with the hub.
 * No PIN, no device store, no outbox; the session (and its token) is gone when the page is.
 */
export function OfficeShell({ session, onSignOut, children }: { session: OfficeSession; onSignOut: () => void; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);

  // Start screen readers on the page's title, as the device shell does after each navigation.
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);

  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="shell shell--office">
      <a href="#inhoud" className="skip-link" onClick={skip}>
        {officeText.skipLink}
      </a>
      <header className="shell__header">
        <p className="brand">
          {nl.appName} <span className="shell__place">{officeText.place}</span>
        </p>
        <div className="shell__status">
          <span className="shell__user">
            <span className="visually-hidden">{officeText.signedInAs} </span>
            {session.user.displayName} ({officeText.role[session.user.role]})
          </span>
          <button type="button" className="button button--secondary button--small" onClick={onSignOut}>
            {officeText.signOut}
          </button>
        </div>
      </header>
      <main id="inhoud" ref={mainRef} tabIndex={-1} className="shell__main">
        {children}
      </main>
    </div>
  );
}
