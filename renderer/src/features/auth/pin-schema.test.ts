import { describe, expect, it } from 'vitest';
import { choosePinSchema } from './pin-schema';

const messages = (value: unknown) => {
  const r = choosePinSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('choosePinSchema', () => {
  it('accepts 5 to 12 digits entered twice', () => {
    expect(messages({ pin: '24680', repeat: '24680' })).toEqual([]);
    expect(messages({ pin: '123456789012', repeat: '123456789012' })).toEqual([]);
  });
  it('tells the worker the length rule for short, long or non-digit PINs', () => {
    for (const pin of ['1234', '1234567890123', '12a45']) {
      expect(messages({ pin, repeat: pin })).toEqual(['pin: Een pincode heeft 5 tot 12 cijfers.']);
    }
  });
  it('says so at the second field when the two differ', () => {
    expect(messages({ pin: '24680', repeat: '24681' })).toEqual(['repeat: De twee pincodes zijn niet hetzelfde.']);
  });
});
