/**
 * The zod validator for Fastify, with zod's pt-BR locale as the fallback message map (messages written on a
 * schema win). Scoped to the request parse, so nothing global in zod changes for the rest of the process.
 * Issues are shaped like fastify-type-provider-zod's (same global marker symbol), so its
 * `hasZodFastifySchemaValidationErrors` recognizes them in the error handler.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { safeParse, type $ZodError, type $ZodType } from 'zod/v4/core';

const ptBR = z.locales.ptBR().localeError;
const MARKER = Symbol.for('ZodFastifySchemaValidationError');

/** A field left out: the type message of the schema ("deve ser um número…") would mislead, so say it is missing. */
const MISSING = 'obrigatório';

function toValidation(error: $ZodError) {
  return error.issues.map((issue) => {
    const { path, code, input, ...params } = issue;
    const message = code === 'invalid_type' && input === undefined ? MISSING : issue.message;
    return {
      [MARKER]: true,
      keyword: code,
      instancePath: `/${path.map(String).join('/')}`,
      schemaPath: `#/${path.map(String).join('/')}/${code}`,
      message,
      params,
    };
  });
}

export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { error: ptBR, reportInput: true });
    if (result.error) return { error: toValidation(result.error) as unknown as Error };
    return { value: result.data };
  };
