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

function toValidation(error: $ZodError, known: string[] | undefined) {
  return error.issues.map((issue) => {
    const { path, code, input, ...params } = issue;
    const message = code === 'invalid_type' && input === undefined ? MISSING : issue.message;
    return {
      [MARKER]: true,
      keyword: code,
      instancePath: `/${path.map(String).join('/')}`,
      schemaPath: `#/${path.map(String).join('/')}/${code}`,
      message,
      // The accepted names, for the message about an unknown one at the top level.
      params: code === 'unrecognized_keys' && path.length === 0 && known ? { ...params, known } : params,
    };
  });
}

/**
 * URL parameters are checked as strictly as bodies: an unknown one (`statuss=paid`) is refused by name instead of
 * being ignored, which would answer the unfiltered list.
 */
function strictQuery(schema: $ZodType): $ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

function topLevelKeys(schema: $ZodType): string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

export const validatorCompiler: FastifySchemaCompiler<$ZodType> = ({ schema, httpPart }) => {
  const checked = httpPart === 'querystring' ? strictQuery(schema) : schema;
  const known = topLevelKeys(schema);
  return (data) => {
    const result = safeParse(checked, data, { error: ptBR, reportInput: true });
    if (result.error) return { error: toValidation(result.error, known) as unknown as Error };
    return { value: result.data };
  };
};
