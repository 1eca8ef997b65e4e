import { z } from 'zod';
import { nl } from '../../i18n/nl';

export const pinSchema = z.string().regex(/^\d{5,12}$/, nl.choosePin.pinFormat);

/** The "choose a PIN" form: two entries that must match. */
export const choosePinSchema = z
  .object({ pin: pinSchema, repeat: z.string() })
  .refine((v) => v.pin === v.repeat, { path: ['repeat'], message: nl.choosePin.mismatch });
export type ChoosePinValues = z.infer<typeof choosePinSchema>;

export const unlockSchema = z.object({ pin: z.string().min(1, nl.unlock.pinMissing) });
export type UnlockValues = z.infer<typeof unlockSchema>;
