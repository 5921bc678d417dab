/**
 * The JSON body parser of every route: JSON.parse, then a refusal of keys that could rewrite object prototypes
 * (`__proto__`, `constructor.prototype`), each refusal naming where the key is. Errors are pt-BR and say what is
 * wrong: an empty body, a syntax error (with line and column when the engine reports a position), a refused key.
 */
import type { FieldError } from '../services/errors.js';

export class JsonBodyError extends Error {
  constructor(
    readonly code: 'invalid_json' | 'validation',
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message);
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `linha ${before.length}, coluna ${before.at(-1)!.length + 1}`;
}

/** Node's English SyntaxError message, in pt-BR. */
function syntaxProblem(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (
    /Unexpected end of JSON input/.test(message) ||
    (position && Number(position[1]) >= text.trimEnd().length)
  )
    return 'o JSON termina antes de fechar (falta } ou ] ou aspas?)';
  if (position) return `erro de sintaxe na ${lineAndColumn(text, Number(position[1]))}`;
  const token = /Unexpected token '(.+?)'/s.exec(message);
  if (token) return `caractere inesperado ${JSON.stringify(token[1])}`;
  return 'erro de sintaxe';
}

/** Paths of keys that would reach Object.prototype when the value is merged or copied. */
function prototypeKeys(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((item, index) => prototypeKeys(item, [...path, String(index)], found));
    return found;
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (key === '__proto__') found.push([...path, key].join('.'));
    else if (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child)
      found.push([...path, key, 'prototype'].join('.'));
    prototypeKeys(child, [...path, key], found);
  }
  return found;
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '')
    throw new JsonBodyError(
      'invalid_json',
      'O corpo da requisição está vazio, mas o Content-Type diz application/json: envie um JSON ou tire o cabeçalho.',
      [{ path: 'body', message: 'vazio' }],
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = syntaxProblem(text, error instanceof Error ? error.message : String(error));
    throw new JsonBodyError('invalid_json', `O corpo da requisição não é um JSON válido: ${problem}.`, [
      { path: 'body', message: problem },
    ]);
  }
  const refused = prototypeKeys(value);
  if (refused.length > 0) {
    const fields = refused.map((path) => ({
      path,
      message:
        'chave recusada: __proto__ e constructor.prototype podem alterar objetos do servidor; remova-a',
    }));
    throw new JsonBodyError(
      'validation',
      `Dados inválidos (corpo): chave não aceita em ${refused.join(', ')}`,
      fields,
    );
  }
  return value;
}
