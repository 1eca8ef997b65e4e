/** What a failed autosave means for the worker: a refusal to fix (with its Dutch reasons) or a failure to retry. */

export interface SaveFailure {
  /** Dutch messages of saves the schemas refused; retrying the same data cannot help. */
  refusals: string[];
  /** Whether some save failed for another reason (disk, lock), so retrying may help. */
  retryable: boolean;
}

/** Recognised by shape, so the device repository's IntakeValidationError and test fakes both count. */
function issuesOf(error: unknown): string[] | null {
  if (!(error instanceof Error) || !('issues' in error) || !Array.isArray(error.issues)) return null;
  return error.issues.flatMap((i: unknown) =>
    typeof i === 'object' && i !== null && 'message' in i && typeof i.message === 'string' ? [i.message] : [],
  );
}

export function describeFailure(errors: readonly unknown[]): SaveFailure {
  const refusals: string[] = [];
  let retryable = false;
  for (const error of errors) {
    const issues = issuesOf(error);
    if (issues && issues.length > 0) refusals.push(...issues);
    else retryable = true;
  }
  return { refusals: [...new Set(refusals)], retryable };
}
