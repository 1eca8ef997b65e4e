import type { Configuration } from 'electron-builder';

/**
 * Installers: `npm run dist` on a machine that has the Electron binary (DEVELOPERS.md). The fuses
 * are flipped in the packaged Electron binary right before signing; electron/packaging.test.ts
 * checks each one here, since this machine cannot build.
 */
const config: Configuration = {
  appId: 'nl.keukentafel.app',
  productName: 'Keukentafel',
  directories: { output: 'release', buildResources: 'build' },
  // electron-vite's output (main, preload, renderer); production dependencies are added by electron-builder.
  files: ['out/**/*', 'package.json'],
  asar: true,
  // The app itself has no native modules (the hub's argon2 is N-API and never loaded by Electron).
  npmRebuild: false,
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js that runs any script.
    runAsNode: false,
    // Chromium's cookie store encrypted with the OS keychain, as in Chrome.
    enableCookieEncryption: true,
    // NODE_OPTIONS and NODE_EXTRA_CA_CERTS could inject code or trust a foreign certificate.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect and SIGUSR1 would open a debugger into the main process, which holds the keys.
    enableNodeCliInspectArguments: false,
    // The app's code is checked against the hash signed into the binary (macOS and Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Only app.asar: no app folder beside it that could replace the code.
    onlyLoadAppFromAsar: true,
  },
  win: { target: 'nsis' },
  nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: false },
  mac: { target: 'dmg', category: 'public.app-category.productivity', hardenedRuntime: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Keukentafel <beheer@keukentafel.invalid>' },
};

export default config;
