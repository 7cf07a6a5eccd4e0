import { z } from 'zod';

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: `${what} must be a function` });

const base = {
  name: z.string().regex(/^[a-z0-9@][a-z0-9@/._-]*$/i, 'name must be a short identifier like "templates-foo"'),
  version: z.string().min(1, 'version is required (use the package.json version)'),
  apiVersion: z.number().int('apiVersion must be an integer'),
  description: z.string().optional(),
};

const answerFormatSchema = z.object({
  boxed: z.boolean(),
  enclosedBy: z.object({ open: z.string().min(1), close: z.string().min(1) }).optional(),
  introducedBy: z.string().min(1).optional(),
});

export const templateSchema = z.object({
  id: z.string().min(1, 'template id is required'),
  description: z.string().optional(),
  chatTemplate: z.string().min(1, 'chatTemplate (a Jinja chat template string) is required'),
  prefill: z.string().optional(),
  answerFormat: answerFormatSchema.optional(),
  formatReward: fn('formatReward').optional(),
});

export const templatesPluginSchema = z.object({
  kind: z.literal('templates'),
  ...base,
  templates: z.array(templateSchema).min(1, 'templates must list at least one template'),
  select: z
    .object({
      mode: z.enum(['per-prompt', 'per-rollout', 'round-robin']),
      weights: z.record(z.string(), z.number().nonnegative()).optional(),
    })
    .optional(),
});

export const verifierPluginSchema = z.object({
  kind: z.literal('verifier'),
  ...base,
  extract: fn('extract'),
  verify: fn('verify'),
});

export const backendPluginSchema = z.object({
  kind: z.literal('backend'),
  ...base,
  capabilities: z.object({ generate: z.boolean(), score: z.boolean(), train: z.boolean() }),
  devices: fn('devices'),
  load: fn('load'),
});

export const KNOWN_KEYS: Record<string, readonly string[]> = {
  templates: Object.keys(templatesPluginSchema.shape),
  verifier: Object.keys(verifierPluginSchema.shape),
  backend: Object.keys(backendPluginSchema.shape),
};

export const schemaByKind = {
  templates: templatesPluginSchema,
  verifier: verifierPluginSchema,
  backend: backendPluginSchema,
} as const;
