import { asBuffer } from './bytes';
import type { Sealed } from './cipher';

/**
 * Records sealed to their place: AES-GCM with additional data naming the table, the logical record
 * and its kind. A ciphertext copied to another row, household or table fails the GCM check there,
 * so it is reported as unreadable instead of being shown as someone else's data.
 * The JSON is padded with spaces (which JSON.parse ignores) to a size bucket, so the length of a
 * ciphertext does not tell how many debts, members or notes a record holds.
 */

/** Where a record lives. `id` is the logical key (e.g. household id + section), never stored in clear. */
export interface Place {
  table: 'households' | 'intakes' | 'history' | 'drafts' | 'snapshots' | 'outbox' | 'meta' | 'caseStatuses' | 'signalEventIds' | 'handovers';
  id: string;
  kind: string;
}

/** A record that could not be opened at its place: moved, changed, or sealed with another key. */
export class UnreadableRecordError extends Error {
  readonly table: Place['table'];
  constructor(table: Place['table']) {
    super(`A ${table} record cannot be opened at this place`);
    this.name = 'UnreadableRecordError';
    this.table = table;
  }
}

const FORMAT = 'keukentafel/record/v1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SPACE = 0x20;
const SMALLEST_BUCKET = 512;
const LARGE_STEP = 64 * 1024;

/** The padded length: the next power of two from 512 bytes up to 64 KiB, then the next multiple of 64 KiB. */
export function bucketSize(length: number): number {
  if (length > LARGE_STEP) return Math.ceil(length / LARGE_STEP) * LARGE_STEP;
  let size = SMALLEST_BUCKET;
  while (size < length) size *= 2;
  return size;
}

function additionalData(place: Place): Uint8Array<ArrayBuffer> {
  // NUL cannot occur in the parts we pass (ids, table and kind names), so the encoding is unambiguous.
  return encoder.encode([FORMAT, place.table, place.kind, place.id].join('\u0000'));
}

export async function sealRecord(key: CryptoKey, place: Place, value: unknown): Promise<Sealed> {
  const json = encoder.encode(JSON.stringify(value));
  const plain = new Uint8Array(bucketSize(json.length)).fill(SPACE);
  plain.set(json, 0);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(place) }, key, plain);
  return { iv, data: new Uint8Array(data) };
}

/** Throws UnreadableRecordError when the bytes were sealed for another place, changed, or under another key. */
export async function openRecord(key: CryptoKey, place: Place, iv: Uint8Array, data: Uint8Array): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: asBuffer(iv), additionalData: additionalData(place) }, key, asBuffer(data));
  } catch {
    throw new UnreadableRecordError(place.table);
  }
  return JSON.parse(decoder.decode(plain)) as unknown;
}
