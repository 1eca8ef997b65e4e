import { createHash } from 'node:crypto';
import type { NewCaseRequest, NewCaseResponse } from '../../../shared/api/cases';

/** Same body → same hash: the fields in a fixed order, with the time normalised, so a repeat is recognised. */
export const requestHash = (body: NewCaseRequest): string =>
  createHash('sha256')
    .update(JSON.stringify([body.caseId, body.postcodeArea, body.adults, body.children, new Date(body.openedAt).toISOString()]))
    .digest('hex');

export interface IdempotencyRow {
  user_id: string;
  request_hash: string;
  response: NewCaseResponse | string;
  status_code: number;
}

/** PGlite and pg both give jsonb back parsed, but a text column would come back as a string. */
export const storedResponse = (response: IdempotencyRow['response']): NewCaseResponse =>
  typeof response === 'string' ? (JSON.parse(response) as NewCaseResponse) : response;
