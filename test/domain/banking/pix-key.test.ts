/**
 * PIX keys by declared type. Document vectors: CPF 123.456.789-09 (Receita Federal mod-11 rule) and the
 * alphanumeric CNPJ 12.ABC.345/01DE-35, the example of the Receita Federal "CNPJ Alfanumérico" technical note; the
 * EVP is the random key printed in the BCB "Manual de Padrões para Iniciação do Pix".
 */
import { describe, expect, it } from 'vitest';
import { checkPixKey } from '../../../src/domain/banking/pix-key.js';

describe('checkPixKey', () => {
  it.each([
    ['cpf', '123.456.789-09', '12345678909'],
    ['cnpj', '12.abc.345/01de-35', '12ABC34501DE35'],
    ['cnpj', '11.222.333/0001-81', '11222333000181'],
    ['email', ' Financeiro@Empresa.com.br ', 'financeiro@empresa.com.br'],
    ['phone', '+55 (11) 98765-4321', '+5511987654321'],
    ['phone', '(11) 3456-7890', '+551134567890'],
    ['evp', '123E4567-E12B-12D1-A456-426655440000', '123e4567-e12b-12d1-a456-426655440000'],
  ] as const)('%s "%s" is stored as %s', (type, typed, stored) => {
    expect(checkPixKey(type, typed)).toEqual({ key: stored });
  });

  it.each([
    ['cpf', '123.456.789-00', 'chave CPF inválida: CPF com dígito verificador inválido'],
    [
      'cpf',
      'financeiro@empresa.com.br',
      'chave do tipo CPF deve ter 11 dígitos: "financeiro@empresa.com.br"',
    ],
    ['cnpj', '12.ABC.345/01DE-36', 'chave CNPJ inválida: CNPJ com dígito verificador inválido'],
    ['cnpj', '123.456.789-09', 'chave do tipo CNPJ deve ter 14 caracteres: "123.456.789-09"'],
    ['email', 'financeiro@empresa', 'chave e-mail "financeiro@empresa" não é um e-mail válido'],
    [
      'phone',
      '+1 212 555 0100',
      'chave telefone "+1 212 555 0100" deve ser +55, DDD e número (ex.: +5511987654321)',
    ],
    ['phone', '98765-4321', 'chave telefone "98765-4321" deve ser +55, DDD e número (ex.: +5511987654321)'],
    [
      'evp',
      '123e4567e12b12d1a456426655440000',
      'chave aleatória "123e4567e12b12d1a456426655440000" deve ser um UUID (ex.: 123e4567-e12b-12d1-a456-426655440000)',
    ],
  ] as const)('%s "%s" is refused', (type, typed, error) => {
    expect(checkPixKey(type, typed)).toEqual({ error });
  });

  it('refuses an e-mail longer than the DICT limit of 77 characters', () => {
    expect(checkPixKey('email', `${'a'.repeat(70)}@exemplo.com`)).toEqual({
      error: 'chave e-mail com 82 caracteres; o máximo é 77',
    });
  });
});
