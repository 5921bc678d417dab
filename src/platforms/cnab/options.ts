/** A CNAB integration's options: the bank and layout, and the portador as the bank knows it (convênio, carteira…). */
import { z } from 'zod';
import { portadorSchema } from '../../domain/cnab/remessa-input.js';
import { listLayouts } from '../../domain/cnab/registry.js';

export const cnabOptionsSchema = z
  .object({
    bank: z.string().regex(/^\d{3}$/, 'código do banco com 3 dígitos'),
    layout: z.union([z.literal(240), z.literal(400)]),
    portador: portadorSchema,
    /** The PIX key of the portador's bank account, for boletos híbridos where the layout carries it. */
    pix: z
      .object({ keyType: z.enum(['cpf', 'cnpj', 'phone', 'email', 'evp']), key: z.string().min(1) })
      .optional(),
  })
  .refine((o) => listLayouts().some((l) => l.bank === o.bank && l.width === o.layout), {
    message: 'banco sem layout CNAB cadastrado para essa largura (veja finconsole cnab layouts)',
    path: ['layout'],
  });

export type CnabOptions = z.output<typeof cnabOptionsSchema>;
