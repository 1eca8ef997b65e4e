import type { Household } from '../../../../shared/domain/household.schema';
import type { Intake } from '../../../../shared/domain/intake.schema';
import { checkRegelingen, type RegelingAdvice } from '../../../../shared/domain/regelingen';
import { helpCatalogue, normsFor, regelingen, settings, signalCatalogue } from '../../../../resources/index';

/** Arrangements the household may be entitled to, with why; empty when the year's norms are unknown. */
export function adviceFor(intake: Intake, household: Pick<Household, 'members'>, today: string): RegelingAdvice[] {
  const norms = normsFor(settings.normsYear, today);
  if (!norms) return [];
  return checkRegelingen(intake, household, {
    regelingen,
    help: helpCatalogue,
    catalogue: signalCatalogue,
    settings,
    norms: norms.amounts,
    today,
  });
}
