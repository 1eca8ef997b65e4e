import { pbkdf2Sync } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { argon2id } from 'hash-wasm';
import { LEGACY_PBKDF2_ITERATIONS, PIN_KDF } from '../renderer/src/data/pin-kdf';
import { percentile } from './fixtures';

/**
 * The attacker's side of the PIN figure: one CPU core with native code (OpenSSL's PBKDF2,
 * the Rust argon2 crate), the same parameters the device stores. Graphics cards are not measured:
 * they gain a lot on PBKDF2 and little on Argon2id at 128 MiB per guess.
 */

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable as a value)

async function median(runs: number, once: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

export async function benchKdfNative(runs = 3): Promise<{ pbkdf2Ms: number; argon2Ms: number }> {
  if (PIN_KDF.algorithm !== 'argon2id') throw new Error('PIN_KDF is not Argon2id');
  const kdf = PIN_KDF;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const pin = '582039';
  const options = { algorithm: ARGON2ID, memoryCost: kdf.memoryKiB, timeCost: kdf.passes, parallelism: kdf.parallelism, outputLen: 32, salt };
  // The native hash must be the device's hash, or the figure would be for another function.
  const native = await hashRaw(pin, options);
  const device = await argon2id({ password: pin, salt, memorySize: kdf.memoryKiB, iterations: kdf.passes, parallelism: kdf.parallelism, hashLength: 32, outputType: 'binary' });
  if (Buffer.compare(native, Buffer.from(device)) !== 0) throw new Error('native Argon2id differs from the device');
  return {
    pbkdf2Ms: await median(runs, () => pbkdf2Sync(pin, salt, LEGACY_PBKDF2_ITERATIONS, 32, 'sha256')),
    argon2Ms: await median(runs, () => hashRaw(pin, options)),
  };
}
