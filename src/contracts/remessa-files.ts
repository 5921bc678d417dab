/** Remessa files (banks by CNAB file): the list and the download, for the console and the ERP. */
import { z } from 'zod';
import { calendarDate, companyIdField, erpKey, pageSchema, paginationQuery } from './common.js';

const filterFields = {
  portadorId: z.uuid({ error: 'portadorId deve ser o id (uuid) de um portador' }).optional(),
  portadorErpKey: erpKey.optional().meta({ description: 'Portador pela chave do ERP' }),
  from: calendarDate.optional().meta({ description: 'Gerados a partir deste dia' }),
  to: calendarDate.optional().meta({ description: 'Gerados até este dia' }),
  ...paginationQuery,
};

export const consoleRemessaFileListQuery = z.object({ companyId: companyIdField, ...filterFields });
export const erpRemessaFileListQuery = z.object(filterFields);

export const remessaFileSchema = z
  .object({
    id: z.string(),
    companyId: z.string(),
    integrationId: z.string(),
    portadorId: z.string(),
    portadorErpKey: z.string(),
    portadorName: z.string().meta({ description: 'Portador' }),
    bank: z.string().meta({ description: 'Código do banco (3 dígitos)' }),
    layout: z.number().int().meta({ description: 'CNAB 240 ou 400' }),
    sequence: z.number().int().meta({ description: 'Remessa: número do arquivo na sequência do portador' }),
    fileName: z.string().meta({ description: 'Nome do arquivo, na convenção do banco' }),
    lineCount: z.number().int(),
    tituloCount: z.number().int().meta({ description: 'Títulos no arquivo' }),
    amountCents: z.number().int().meta({ description: 'Soma dos valores dos títulos' }),
    generatedOn: z.string().meta({ description: 'Data de geração' }),
    createdBy: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'RemessaFile' });

export const remessaFilePageSchema = pageSchema(remessaFileSchema).meta({ id: 'RemessaFilePage' });
