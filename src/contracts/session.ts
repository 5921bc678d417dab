import { z } from 'zod';

export const userRoles = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof userRoles)[number];

/** The one name of each role people see (console, CLI, messages); the codes stay in the API. */
export const roleLabels: Record<Role, string> = {
  admin: 'administrador',
  operator: 'operador',
  viewer: 'leitura',
};

export const loginBody = z
  .object({
    email: z.string({ error: 'informe o e-mail' }).trim().min(1, { error: 'informe o e-mail' }).max(320),
    password: z.string({ error: 'informe a senha' }).min(1, { error: 'informe a senha' }).max(1000),
  })
  .meta({ id: 'LoginRequest' });

export const companySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    cnpj: z.string(),
    kind: z.enum(['consolidated', 'child']),
    parentCompanyId: z.string().nullable(),
  })
  .meta({ id: 'Company' });

export const sessionSchema = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(userRoles).meta({
        description: `Papel: ${userRoles.map((role) => `${role} (${roleLabels[role]})`).join(', ')}`,
      }),
    }),
    companies: z.array(companySchema),
    homeCompanyId: z.string(),
  })
  .meta({ id: 'Session' });
