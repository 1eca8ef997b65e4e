import { createContext, use, useCallback, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;
const AnnounceContext = createContext<Announce>(() => undefined);

/** One polite live region for status messages ("Opgeslagen", "Versturen is klaar"). */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  // Clearing first makes screen readers repeat the same message when it is announced twice.
  const announce = useCallback<Announce>((text) => {
    setMessage('');
    queueMicrotask(() => setMessage(text));
  }, []);
  return (
    <AnnounceContext value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnounceContext>
  );
}

export function useAnnounce(): Announce {
  return use(AnnounceContext);
}
