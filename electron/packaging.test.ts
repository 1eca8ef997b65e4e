import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The installer build cannot run here (no Electron binary), so this checks its configuration the way
 * electron-builder itself reads it: its own loader and schema, and its own mapping to @electron/fuses.
 */

const root = resolve(import.meta.dirname, '..');
const loaded = () => getConfig(root, 'electron-builder.config.ts', null);

/** The fuse wire electron-builder flips in the packaged binary (PlatformPackager.generateFuseConfig). */
async function fuseWire(): Promise<Record<number, boolean | undefined>> {
  const config = await loaded();
  const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: unknown): Promise<Record<number, boolean | undefined> & { version: FuseVersion }> })
    .generateFuseConfig;
  const wire = await generate.call(null, config.electronFuses);
  expect(wire.version).toBe(FuseVersion.V1);
  return wire;
}

describe('installer configuration (electron-builder)', () => {
  it('is valid for electron-builder and packs the built app into an asar archive', async () => {
    const config = await loaded();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.asar).toBe(true);
    // electron-builder's normalised form of files: ['out/**/*', 'package.json'] (package.json's main is out/main/index.js).
    expect(config.files).toEqual([{ filter: ['out/**/*', 'package.json'] }]);
  });

  it('turns off ELECTRON_RUN_AS_NODE', async () => {
    expect((await fuseWire())[FuseV1Options.RunAsNode]).toBe(false);
  });

  it('turns off --inspect, --inspect-brk and SIGUSR1 (EnableNodeCliInspectArguments)', async () => {
    expect((await fuseWire())[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });

  it('turns off NODE_OPTIONS and NODE_EXTRA_CA_CERTS', async () => {
    expect((await fuseWire())[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
  });

  it('encrypts the cookie store', async () => {
    expect((await fuseWire())[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('validates the asar archive against its embedded hash', async () => {
    expect((await fuseWire())[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });

  it('loads the app only from the asar archive', async () => {
    expect((await fuseWire())[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('leaves no other fuse to chance: file:// gets no extra privileges it could need (the app uses app://)', async () => {
    const wire = await fuseWire();
    // Unset fuses keep Electron's default; these two are not security switches for an app:// app.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBeUndefined();
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBeUndefined();
  });
});
