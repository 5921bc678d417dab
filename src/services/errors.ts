/**
 * Errors raised by business services. They carry an HTTP-like status and a stable code so that the API maps
 * them to `{error:{code,message,fields?}}` unchanged, and the CLI or a job can show the same pt-BR message.
 */
export interface FieldError {
  /** Dotted path of the field, e.g. `amountCents` or `address.zipCode`. */
  path: string;
  /** pt-BR message naming what is wrong. */
  message: string;
}

export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    /** Sent as `Retry-After` (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function validationError(fields: FieldError[], message?: string): ServiceError {
  return new ServiceError(
    400,
    'validation',
    message ?? `Dados inválidos: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    fields,
  );
}

export function notFound(message: string): ServiceError {
  return new ServiceError(404, 'not_found', message);
}

export function forbidden(message = 'Você não tem acesso a esta empresa.'): ServiceError {
  return new ServiceError(403, 'forbidden', message);
}

export function unauthorized(message = 'Sessão ausente ou expirada. Entre novamente.'): ServiceError {
  return new ServiceError(401, 'unauthorized', message);
}

/** 422 `reference_not_found`: a key or id in the body names a record that does not exist in the company. */
export function referenceNotFound(fields: FieldError[]): ServiceError {
  return new ServiceError(
    422,
    'reference_not_found',
    `Referência inexistente nesta empresa: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    fields,
  );
}
