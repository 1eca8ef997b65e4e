import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { createIntakeQueues, IntakeQueuesContext } from '../features/intake';
import { SyncIndicator } from '../features/sync';
import { nl } from '../i18n/nl';
import { Alert } from '../ui/alert';
import { useSession } from '../ui/services-context';
import { useShell } from './shell-context';
import { useStorageWarning } from './storage-warning';

/** Header, navigation and main landmark around every page of the unlocked app. */
export function AppLayout() {
  const session = useSession();
  const { onLock, storageRefused } = useShell();
  const [noticeClosed, setNoticeClosed] = useState(false);
  const storageFull = useStorageWarning();
  // One save queue per household for the whole session: a page read after leaving the intake waits for its saves.
  const [intakeQueues] = useState(createIntakeQueues);
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // After each navigation, put focus on the new page's h1 so screen readers start there.
  useEffect(() => {
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    heading?.focus();
  }, [pathname]);

  // The hash router owns "#…", so the skip link moves focus itself instead of changing the hash.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="shell">
      <a href="#inhoud" className="skip-link" onClick={skip}>
        {nl.layout.skipLink}
      </a>
      <header className="shell__header">
        <p className="brand">{nl.appName}</p>
        <nav aria-label={nl.layout.nav} className="shell__nav">
          <NavLink to="/huishoudens" className="nav-link">
            {nl.layout.households}
          </NavLink>
          <NavLink to="/verzenden" className="nav-link">
            {nl.layout.sync}
          </NavLink>
        </nav>
        <div className="shell__status">
          <SyncIndicator sync={session.sync} />
          <span className="shell__user">
            <span className="visually-hidden">{nl.layout.signedInAs('')} </span>
            {session.user.displayName}
          </span>
          <button type="button" className="button button--secondary button--small" onClick={onLock}>
            {nl.layout.lock}
          </button>
        </div>
      </header>
      <main id="inhoud" ref={mainRef} tabIndex={-1} className="shell__main">
        {storageFull !== null ? (
          <div className="notice-bar">
            <Alert kind="error">{nl.storageFull(storageFull)}</Alert>
          </div>
        ) : null}
        {storageRefused && !noticeClosed ? (
          <div className="notice-bar">
            <Alert kind="notice">{nl.storageNotice}</Alert>
            <button type="button" className="link-button" onClick={() => setNoticeClosed(true)}>
              {nl.common.close}
            </button>
          </div>
        ) : null}
        <IntakeQueuesContext value={intakeQueues}>
          <Outlet />
        </IntakeQueuesContext>
      </main>
    </div>
  );
}
