import { createContext, use } from 'react';

export interface Shell {
  onLock: () => void;
  storageRefused: boolean;
}

export const ShellContext = createContext<Shell>({ onLock: () => undefined, storageRefused: false });

export function useShell(): Shell {
  return use(ShellContext);
}
