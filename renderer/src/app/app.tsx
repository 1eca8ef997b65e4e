import { useCallback, useEffect, useState } from 'react';
import { settings } from '../../../resources/index';
import type { LoginResponse, User } from '../../../shared/api/auth';
import type { AppServices, Session } from '../data/contracts';
import { shellFor, type OfficeSession } from '../data/office-session';
import { intervalScheduler, systemClock } from '../data/ports';
import { AuthFrame, ChangePinScreen, ChoosePinScreen, RecoverScreen, SignInScreen, UnlockScreen, WipeScreen } from '../features/auth';
import { OfficeHome, OfficeShell, officeText } from '../features/office';
import { nl } from '../i18n/nl';
import { Alert } from '../ui/alert';
import { AnnouncerProvider } from '../ui/announcer';
import { createIdleLock, watchWindowActivity } from './idle-lock';
import { AppRouter } from './router';
import { ServicesProvider, SessionProvider } from '../ui/services-context';

type Stage =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'other-tab' }
  /** `notice`: why the office user is back at sign-in (idle, expired). */
  | { kind: 'new'; notice?: string }
  | { kind: 'choose-pin'; login: LoginResponse }
  | { kind: 'locked'; user: User; lockedUntil: number | null; deviceId?: string; canRecover?: boolean }
  /** Unlocked with a PIN from before the 6-digit rule: a new PIN first. */
  | { kind: 'change-pin'; session: Session; currentPin: string }
  | { kind: 'recover'; user: User; deviceId?: string; mode: 'forgot' | 'password' }
  | { kind: 'wipe'; user: User }
  | { kind: 'open'; session: Session; storageRefused: boolean }
  /** A counsellor or team lead: online with the hub, nothing stored on this computer. */
  | { kind: 'office'; session: OfficeSession };

/** Decides what the user sees first: sign-in, then a worker's PIN, unlock and device app, or the office shell. */
export function App({ services }: { services: AppServices }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const status = await services.account.status();
      setStage(status.state === 'new' ? { kind: 'new' } : { ...status, kind: 'locked' });
    } catch {
      setStage({ kind: 'failed' });
    }
  }, [services]);

  useEffect(() => {
    const store = services.deviceStore;
    if (store.state === 'mine') {
      void refresh();
      return;
    }
    // Another tab owns the device store: do nothing here until it has closed.
    setStage({ kind: 'other-tab' });
    let live = true;
    void store.whenFree.then(() => {
      if (live) void refresh();
    });
    return () => {
      live = false;
    };
  }, [refresh, services]);

  const open = useCallback(
    async (session: Session) => {
      setStage({ kind: 'open', session, storageRefused: false });
      const granted = await services.persistStorage().catch(() => false);
      if (!granted) setStage((s) => (s.kind === 'open' && s.session === session ? { ...s, storageRefused: true } : s));
    },
    [services],
  );

  const lock = useCallback(
    (session: Session) => {
      session.lock();
      setStage({ kind: 'locked', user: session.user, lockedUntil: null });
      // The account knows whether this device can recover a forgotten PIN.
      void refresh();
    },
    [refresh],
  );

  const signedIn = useCallback(
    (login: LoginResponse) => {
      if (shellFor(login.user.role) === 'office') setStage({ kind: 'office', session: services.openOffice(login) });
      else setStage({ kind: 'choose-pin', login });
    },
    [services],
  );

  const signOut = useCallback((session: OfficeSession, notice?: string) => {
    void session.signOut();
    setStage(notice === undefined ? { kind: 'new' } : { kind: 'new', notice });
  }, []);

  // The office shell signs out after the same idle time as the device locks.
  const officeSession = stage.kind === 'office' ? stage.session : null;
  useEffect(() => {
    if (!officeSession) return;
    const idle = createIdleLock({
      timeoutMs: settings.idleLockMinutes * 60_000,
      clock: systemClock,
      scheduler: intervalScheduler,
      onIdle: () => signOut(officeSession, officeText.idleSignedOut),
    });
    const stopWatching = watchWindowActivity(window, idle);
    // Closing or reloading the tab ends the session at the hub too, not only in memory.
    const leave = () => void officeSession.signOut();
    window.addEventListener('pagehide', leave);
    return () => {
      stopWatching();
      window.removeEventListener('pagehide', leave);
    };
  }, [officeSession, signOut]);

  // A team lead revoked this device and the hub told an open session so: the device wiped itself; show the sign-in.
  useEffect(() => services.account.onWiped(() => void refresh()), [services, refresh]);

  // The host says the lid closed or the screen locked: lock the session, as the worker would.
  const openSession = stage.kind === 'open' || stage.kind === 'change-pin' ? stage.session : null;
  useEffect(() => {
    if (!openSession) return;
    return services.host.onLock(() => lock(openSession));
  }, [services, openSession, lock]);

  // No keyboard, pointer or touch input for a while: lock, as the "Vergrendelen" button would.
  useEffect(() => {
    if (!openSession) return;
    const idle = createIdleLock({ timeoutMs: settings.idleLockMinutes * 60_000, clock: systemClock, scheduler: intervalScheduler, onIdle: () => lock(openSession) });
    return watchWindowActivity(window, idle);
  }, [openSession, lock]);

  return (
    <ServicesProvider services={services}>
      <AnnouncerProvider>
        {stage.kind === 'loading' ? <p className="loading">{nl.common.loading}</p> : null}
        {stage.kind === 'failed' ? (
          <main className="auth__card">
            <Alert title={nl.common.errorTitle}>{nl.start.startupFailed}</Alert>
          </main>
        ) : null}
        {stage.kind === 'other-tab' ? (
          <AuthFrame title={nl.otherTab.title}>
            <p className="lead">{nl.otherTab.body}</p>
            <p>{nl.otherTab.next}</p>
          </AuthFrame>
        ) : null}
        {stage.kind === 'new' ? <SignInScreen onSignedIn={signedIn} notice={stage.notice} /> : null}
        {stage.kind === 'choose-pin' ? <ChoosePinScreen login={stage.login} onEnrolled={(s) => void open(s)} /> : null}
        {stage.kind === 'locked' ? (
          <UnlockScreen
            user={stage.user}
            lockedUntil={stage.lockedUntil}
            canRecover={stage.canRecover === true}
            onUnlocked={(s, pinToReplace) => (pinToReplace === null ? void open(s) : setStage({ kind: 'change-pin', session: s, currentPin: pinToReplace }))}
            onForgot={() => setStage({ kind: 'recover', user: stage.user, deviceId: stage.deviceId, mode: 'forgot' })}
            onPasswordNeeded={() => setStage({ kind: 'recover', user: stage.user, deviceId: stage.deviceId, mode: 'password' })}
            onWipe={() => setStage({ kind: 'wipe', user: stage.user })}
          />
        ) : null}
        {stage.kind === 'change-pin' ? <ChangePinScreen currentPin={stage.currentPin} onChanged={() => void open(stage.session)} /> : null}
        {stage.kind === 'recover' ? (
          <RecoverScreen
            user={stage.user}
            deviceId={stage.deviceId}
            mode={stage.mode}
            onOpened={(s) => void open(s)}
            onBack={() => void refresh()}
            onWiped={() => void refresh()}
          />
        ) : null}
        {stage.kind === 'wipe' ? <WipeScreen user={stage.user} onWiped={() => void refresh()} onBack={() => void refresh()} /> : null}
        {stage.kind === 'open' ? (
          <SessionProvider session={stage.session}>
            <AppRouter storageRefused={stage.storageRefused} onLock={() => lock(stage.session)} />
          </SessionProvider>
        ) : null}
        {stage.kind === 'office' ? (
          <OfficeShell session={stage.session} onSignOut={() => signOut(stage.session)}>
            <OfficeHome session={stage.session} onExpired={() => signOut(stage.session, officeText.expired)} />
          </OfficeShell>
        ) : null}
      </AnnouncerProvider>
    </ServicesProvider>
  );
}
