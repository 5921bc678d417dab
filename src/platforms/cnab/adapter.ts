/**
 * Banks by CNAB file: the adapter that proves the contract on platforms without an API. Registration is a line in
 * a remessa file (remessa.ts), and everything the bank reports comes back in a retorno file (retorno.ts); there is
 * no connection to test and nothing to call.
 */
import { capabilities, type PlatformAdapter, type PlatformDefinition } from '../adapter.js';
import { cnabOptionsSchema, type CnabOptions } from './options.js';
import { cnabNossoNumero } from './nosso-numero.js';
import { remessaFile } from './remessa.js';
import { retornoEvents } from './retorno.js';

export const cnabDefinition: PlatformDefinition<CnabOptions> = {
  platform: 'cnab',
  label: 'Bancos por arquivo CNAB 240/400',
  capabilities: capabilities(['registerBoleto', 'cnabFiles']),
  optionsSchema: cnabOptionsSchema,
  secretOptions: [],
  create(input): PlatformAdapter {
    const options = cnabOptionsSchema.parse(input);
    return {
      platform: 'cnab',
      capabilities: cnabDefinition.capabilities,
      testConnection: () =>
        Promise.resolve({
          ok: true,
          message: `Banco ${options.bank} por arquivo CNAB ${options.layout}: não há conexão a testar; as remessas são arquivos.`,
        }),
      writeRemessa: (request) => remessaFile(options, request),
      readRetorno: (content) => retornoEvents(options, content),
      nossoNumeroOf: (sequence, issueDate) => cnabNossoNumero(options, sequence, issueDate),
    };
  },
};
