/** Comandos de retorno (FCOB0102) in the console: the table per bank/layout or platform, and an admin's edit. */
import { z } from 'zod';
import { postedAmountKinds, returnCommandActions } from '../domain/settlement/return-commands.js';

export const returnCommandScopeSchema = z.object({ scope: z.string(), label: z.string() });

const historyCodes = z
  .partialRecord(z.enum(postedAmountKinds as [string, ...string[]]), z.string().trim().max(20))
  .meta({
    description:
      'Código de histórico de cada valor (payment, interest, fine, discount, rebate, fee, collection_cost)',
  });

export const returnCommandSchema = z
  .object({
    code: z.string(),
    description: z.string(),
    action: z.enum(returnCommandActions),
    historyCodes,
    edited: z.boolean().meta({ description: 'true: alterado por um administrador (não é mais o padrão)' }),
    failedCount: z.number().int().meta({ description: 'Retornos em Falha com este código, a reprocessar' }),
  })
  .meta({ id: 'ReturnCommand' });
export type ReturnCommandView = z.infer<typeof returnCommandSchema>;

export const returnCommandTableSchema = z
  .object({
    scope: z.string(),
    label: z.string(),
    items: z.array(returnCommandSchema),
    postingClasses: z.record(z.string(), z.string()).meta({ description: 'Como cada valor é contabilizado' }),
    unmapped: z
      .array(z.object({ code: z.string(), description: z.string(), failedCount: z.number().int() }))
      .meta({
        description: 'Códigos recebidos sem comando cadastrado (Falha "comando de retorno não cadastrado")',
      }),
  })
  .meta({ id: 'ReturnCommandTable' });
export type ReturnCommandTableView = z.infer<typeof returnCommandTableSchema>;

export const returnCommandQuery = z.object({
  scope: z.string().trim().min(1, { error: 'scope é obrigatório (ex. efi, 341-400)' }),
  companyId: z.uuid().optional(),
});

export const returnCommandParams = z.object({
  scope: z.string().trim().min(1),
  code: z.string().trim().min(1, { error: 'código obrigatório' }).max(40),
});

export const returnCommandBody = z
  .object({
    description: z.string().trim().min(1, { error: 'descrição obrigatória' }).max(200),
    action: z.enum(returnCommandActions, {
      error: `ação deve ser uma de: ${returnCommandActions.join(', ')}`,
    }),
    historyCodes: historyCodes.optional(),
  })
  .meta({ id: 'ReturnCommandEdit' });
