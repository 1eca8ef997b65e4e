import { z } from 'zod';

/** resources/neighbourhoods.json: the name of each 4-digit postcode area, for the reports. */
export const neighbourhoodsFileSchema = z
  .object({
    note: z.string().optional(),
    areas: z
      .array(z.object({ postcodeArea: z.string().regex(/^[1-9][0-9]{3}$/, 'Een postcodegebied is 4 cijfers.'), name: z.string().trim().min(1).max(80) }).strict())
      .min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.areas.forEach((a, i) => {
      if (seen.has(a.postcodeArea)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'postcodeArea'], message: `Postcode area ${a.postcodeArea} appears twice.` });
      seen.add(a.postcodeArea);
    });
  });
export type Neighbourhood = z.infer<typeof neighbourhoodsFileSchema>['areas'][number];

/** The name of a postcode area, or a plain description for an area the file does not name. */
export const neighbourhoodName = (areas: readonly Neighbourhood[], postcodeArea: string): string =>
  areas.find((a) => a.postcodeArea === postcodeArea)?.name ?? `Postcodegebied ${postcodeArea}`;
