import type { z } from 'zod';
import type { AppError } from '../../../shared/result';

/** A hub call's outcome, detailed enough for the sync engine to choose retry, stuck or re-login. */
export type HubCall<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'network'; error: AppError }
  | { kind: 'http'; status: number; error: AppError };

/** One request to the hub, its answer parsed with `schema` (sync/hub-client's createHubCaller makes it). */
export type HubCaller = <S extends z.ZodType>(path: string, init: RequestInit, schema: S) => Promise<HubCall<z.infer<S>>>;
