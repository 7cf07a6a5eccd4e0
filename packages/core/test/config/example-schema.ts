import { z } from 'zod';

/** A small run config shaped like the trainer's: nested objects, enums, ranged numbers, defaults, a list, a strict block. */
export const RunSchema = z.object({
  model: z.string().min(1),
  algorithm: z.enum(['grpo', 'dapo']).default('grpo'),
  optim: z.object({
    lr: z.number().positive().max(1),
    warmupSteps: z.number().int().min(0).default(0),
  }),
  rollout: z.object({
    n: z.number().int().min(1).max(64).default(8),
    temperature: z.number().min(0).max(2).default(1),
  }).prefault({}),
  templates: z.array(z.object({ id: z.string(), weight: z.number().min(0).default(1) })).optional(),
  eval: z.strictObject({ every: z.number().int().positive() }).optional(),
});

export type RunConfig = z.output<typeof RunSchema>;
