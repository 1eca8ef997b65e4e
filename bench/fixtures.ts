import type { HouseholdInput } from '../shared/domain/household.schema';

const FIRST = ['Bart', 'Rik', 'Jeroen', 'Sanne', 'Fatima', 'Özlem', 'Noah', 'Lieke', 'Mohamed', 'Anouk', 'Dewi', 'Sem', 'Zoë', 'Jan', 'Priya', 'Léon'];
const LAST = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smeets', 'Hendriks', 'Yılmaz', 'El Amrani', 'Peeters', 'Kuipers', 'Willems', 'Ramdin', 'Çelik', 'Brouwers'];

/** Deterministic made-up households: the same 10,000 in every run, so figures compare. */
export function makeHouseholds(n: number): HouseholdInput[] {
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = `${LAST[(i * 7) % LAST.length]!}-${i}`;
    const children = i % 4;
    return {
      name: `Familie ${last}`,
      street: 'Akerstraat', houseNumber: String(1 + (i % 200)), town: 'Heerlen',
      postcode: `${6400 + (i % 99)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 3) % 26))}`,
      members: [
        { id: crypto.randomUUID(), firstName: first, lastName: last, role: 'adult' as const, age: 30 + (i % 40) },
        ...Array.from({ length: children }, (_, c) => ({ id: crypto.randomUUID(), firstName: FIRST[(i + c + 3) % FIRST.length]!, lastName: last, role: 'child' as const, age: 2 + c * 4 })),
      ],
      contact: { channel: 'phone' as const, phone: '06 12345678', email: '', bestTime: 'ochtend', note: '' },
    };
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
