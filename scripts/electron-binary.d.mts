// Types for scripts/electron-binary.mjs, so TypeScript tests can import the plain-JS launcher logic.
export declare const DEFAULT_HUB_URL: string;
export declare function findElectronBinary(io: {
  electronDir: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  readText: (path: string) => string | null;
}): string | null;
export declare function planStart(state: {
  binary: string | null;
  installTried: boolean;
  hubUrl: string;
}): { action: 'launch'; binary: string } | { action: 'install' } | { action: 'browser'; message: string };
export declare function browserFallbackMessage(hubUrl: string): string;
export declare function summarizeInstallOutput(output: string, max?: number): string;
