/**
 * Registration at a bank by file: each título is a line (or a segment pair) of a remessa written by the CNAB
 * engine's writer. This file only turns our ChargeRequests and the portador's data into the writer's input.
 */
import { PlatformError, type ChargeRequest, type RemessaFile, type RemessaRequest } from '../adapter.js';
import { CnabWriteError, writeRemessa } from '../../domain/cnab/writer.js';
import type { RemessaInput } from '../../domain/cnab/remessa-input.js';
import type { CnabOptions } from './options.js';

type TituloInput = RemessaInput['titulos'][number];

function address(payer: ChargeRequest['payer']): Partial<TituloInput['payer']> {
  const a = payer.address;
  if (!a) return {};
  return {
    address: `${a.street}, ${a.number}${a.complement ? ` ${a.complement}` : ''}`,
    neighborhood: a.district,
    zip: a.postalCode,
    city: a.city,
    state: a.state,
  };
}

function titulo(options: CnabOptions, item: RemessaRequest['titulos'][number]): TituloInput {
  const charge = item.charge;
  if (charge.kind === 'hybrid' && !options.pix)
    throw new PlatformError(
      'validation',
      `Título ${charge.customId}: boleto híbrido exige chave PIX na conta bancária do portador (cadastro de contas bancárias).`,
      { property: 'pix' },
    );
  return {
    movement: item.movement ?? 'register',
    nossoNumero: item.nossoNumero,
    seuNumero: charge.customId,
    issueDate: charge.issueDate,
    dueDate: charge.dueDate,
    amountCents: charge.amountCents,
    interest: charge.interestMonthlyBasisPoints
      ? { type: 'monthly_percent', basisPoints: charge.interestMonthlyBasisPoints }
      : { type: 'exempt' },
    ...(charge.fineBasisPoints ? { fine: { type: 'percent', basisPoints: charge.fineBasisPoints } } : {}),
    ...(charge.discount
      ? { discount: { type: 'amount', cents: charge.discount.cents, until: charge.discount.until } }
      : {}),
    payer: { name: charge.payer.name, document: charge.payer.document, ...address(charge.payer) },
    ...(charge.kind === 'hybrid' && options.pix
      ? { pix: { keyType: options.pix.keyType, key: options.pix.key } }
      : {}),
    messages: charge.message ? [charge.message] : [],
  };
}

/** The writer's input for a batch: the portador from the integration's options, one título per charge. */
export function remessaInput(options: CnabOptions, request: RemessaRequest): RemessaInput {
  return {
    bank: options.bank,
    layout: options.layout,
    fileNumber: request.fileNumber,
    fileOfDay: request.fileOfDay ?? 1,
    generatedOn: request.generatedOn,
    ...(request.generatedAt ? { generatedAt: request.generatedAt } : {}),
    portador: options.portador,
    titulos: request.titulos.map((item) => titulo(options, item)),
  };
}

/** Writes the file; a título the bank's layout cannot carry is a validation error naming it and the field. */
export function remessaFile(options: CnabOptions, request: RemessaRequest): RemessaFile {
  try {
    const written = writeRemessa(remessaInput(options, request));
    return { fileName: written.fileName, content: written.content, lineCount: written.lines.length };
  } catch (error) {
    if (error instanceof CnabWriteError)
      throw new PlatformError('validation', error.message, { cause: error });
    throw error;
  }
}
