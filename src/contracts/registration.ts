/** The registration of a título at its platform (remessa record), as the ERP and the console read it. */
import { z } from 'zod';
import { registrationStatuses } from '../domain/receivable/registration.js';
import { erpReceivableSchema } from './receivables.js';

export const registrationSchema = z
  .object({
    status: z.enum(registrationStatuses).meta({
      description: 'not_sent Não Enviado · sent Enviado · failed Falha · erp_failed Falha ERP · paid Pago',
    }),
    platform: z.string().meta({ example: 'efi' }),
    chargeId: z.string().nullable(),
    nossoNumero: z.string().nullable(),
    line: z.string().nullable().meta({ description: 'Linha digitável' }),
    barcode: z.string().nullable(),
    pixCopyPaste: z.string().nullable().meta({ description: 'PIX copia e cola (Boleto Híbrido)' }),
    pdfUrl: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable().meta({ description: 'Motivo da última falha, como a plataforma o deu' }),
  })
  .meta({ id: 'Registration' });
export type RegistrationView = z.infer<typeof registrationSchema>;

export const registrationRequestSchema = z
  .object({ queued: z.boolean(), registration: registrationSchema })
  .meta({ id: 'RegistrationRequest' });

export const erpReceivableDetailSchema = erpReceivableSchema
  .extend({ registration: registrationSchema.nullable() })
  .meta({ id: 'ErpReceivableDetail' });

export const movementSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    amountCents: z.number().int(),
    occurredOn: z.string(),
    description: z.string().nullable(),
    source: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Movement' });
export const movementListSchema = z.object({ items: z.array(movementSchema) }).meta({ id: 'MovementList' });
