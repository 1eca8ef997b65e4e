import { useCallback, useEffect, useState } from 'react';
import { settings } from '../../../resources/index';
import type { LoginResponse, User } from '../../../shared/api/auth';
import type { AppServices, Session } from '../data/contracts';
import { intervalScheduler, systemClock } from '../data/ports';
import { AuthFrame, ChangePinScreen, ChoosePinScreen, SignInScreen, UnlockScreen } from '../features/auth';
import { nl } from '../i18n/nl';
import { Alert } from '../ui/alert';
import { AnnouncerProvider } from './announcer';
import { createIdleLock, watchWindowActivity } from './idle-lock';
import { AppRouter } from './router';
import { ServicesProvider, SessionProvider } from './services-context';

type Stage =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'other-tab' }
  | { kind: 'new' }
  | { kind: 'choose-pin'; login: LoginResponse }
  | { kind: 'locked'; user: User; lockedUntil: number | null }
  /** Unlocked with a PIN from before the 6-digit rule: a new PIN first. */
  | { kind: 'change-pin'; session: Session; currentPin: string }
  | { kind: 'open'; session: Session; storageRefused: boolean };

/** Decides what the worker sees first: sign-in, choose a PIN, unlock, or the app itself. */
export function App({ services }: { services: AppServices }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const status = await services.account.status();
      setStage(status.state === 'new' ? { kind: 'new' } : { kind: 'locked', user: status.user, lockedUntil: status.lockedUntil });
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
    },
    [],
  );

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
        {stage.kind === 'new' ? <SignInScreen onSignedIn={(login) => setStage({ kind: 'choose-pin', login })} /> : null}
        {stage.kind === 'choose-pin' ? <ChoosePinScreen login={stage.login} onEnrolled={(s) => void open(s)} /> : null}
        {stage.kind === 'locked' ? (
          <UnlockScreen
            user={stage.user}
            lockedUntil={stage.lockedUntil}
            onUnlocked={(s, pinToReplace) => (pinToReplace === null ? void open(s) : setStage({ kind: 'change-pin', session: s, currentPin: pinToReplace }))}
            onReset={() => void refresh()}
          />
        ) : null}
        {stage.kind === 'change-pin' ? <ChangePinScreen currentPin={stage.currentPin} onChanged={() => void open(stage.session)} /> : null}
        {stage.kind === 'open' ? (
          <SessionProvider session={stage.session}>
            <AppRouter storageRefused={stage.storageRefused} onLock={() => lock(stage.session)} />
          </SessionProvider>
        ) : null}
      </AnnouncerProvider>
    </ServicesProvider>
  );
}
