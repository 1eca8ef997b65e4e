import { z } from 'zod';
import { pinProblem } from '../../data/pin-policy';
import { nl } from '../../i18n/nl';

/** The same rule the account enforces (data/pin-policy), shown at the field before anything is stored. */
export const pinSchema = z.string().superRefine((pin, ctx) => {
  const problem = pinProblem(pin);
  if (problem) ctx.addIssue({ code: 'custom', message: problem === 'format' ? nl.choosePin.pinFormat : nl.choosePin.pinTrivial });
});

/** The "choose a PIN" form: two entries that must match. */
export const choosePinSchema = z
  .object({ pin: pinSchema, repeat: z.string() })
  .refine((v) => v.pin === v.repeat, { path: ['repeat'], message: nl.choosePin.mismatch });
export type ChoosePinValues = z.infer<typeof choosePinSchema>;

export const unlockSchema = z.object({ pin: z.string().min(1, nl.unlock.pinMissing) });
export type UnlockValues = z.infer<typeof unlockSchema>;
