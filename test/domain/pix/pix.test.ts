import fc from 'fast-check';
import { createDynamicPix, createStaticPix, hasError, parsePix as oracleParse } from 'pix-utils';
import { describe, expect, it } from 'vitest';
import { makeCnpj, makeCpf } from '../../../src/domain/documents/index.js';
import {
  classifyPixKey,
  crc16Ccitt,
  normalizePixKey,
  makeDynamicPix,
  makeStaticPix,
  parsePix,
  PixError,
} from '../../../src/domain/pix/index.js';

// Examples printed in the BCB "Manual de Padrões para Iniciação do Pix" (section on the QR Code / BR Code):
// a static code with a random key (EVP) and no amount, a dynamic code, and a composite one (Pix + Pix
// Automático template in tag 80). The CRCs (1D3D, 64E4, FB42) are the ones printed in the manual.
const MANUAL_STATIC =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';
const MANUAL_DYNAMIC =
  '00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4';
const MANUAL_COMPOSITE =
  '00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80740014br.gov.bcb.pix2552pix.example.com/rec/2353c790eefb11eaadc10242ac1200026304FB42';

/** Rebuilds a payload with a correct CRC, so a test can reach the field rule it wants to break. */
function withCrc(bodyWithoutCrc: string): string {
  const head = `${bodyWithoutCrc}6304`;
  return head + crc16Ccitt(head);
}

describe('CRC16-CCITT', () => {
  it('matches the CRC-16/CCITT-FALSE catalogue check value (poly 0x1021, init 0xFFFF)', () => {
    expect(crc16Ccitt('123456789')).toBe('29B1');
  });
});

describe('BCB manual examples', () => {
  it('builds the static example byte for byte', () => {
    expect(
      makeStaticPix({
        key: '123e4567-e12b-12d1-a456-426655440000',
        merchantName: 'Fulano de Tal',
        merchantCity: 'BRASILIA',
      }),
    ).toBe(MANUAL_STATIC);
  });

  it('builds the dynamic example byte for byte (https:// is dropped from the URL)', () => {
    expect(
      makeDynamicPix({
        url: 'https://pix.example.com/8b3da2f39a4140d1a91abd93113bd441',
        merchantName: 'Fulano de Tal',
        merchantCity: 'BRASILIA',
      }),
    ).toBe(MANUAL_DYNAMIC);
  });

  it('parses all three as valid with their fields', () => {
    expect(parsePix(MANUAL_STATIC)).toMatchObject({
      valid: true,
      type: 'static',
      key: '123e4567-e12b-12d1-a456-426655440000',
      keyType: 'evp',
      merchantName: 'Fulano de Tal',
      merchantCity: 'BRASILIA',
      txid: '***',
      crc: '1D3D',
    });
    expect(parsePix(MANUAL_STATIC).amountCents).toBeUndefined();
    expect(parsePix(MANUAL_DYNAMIC)).toMatchObject({
      valid: true,
      type: 'dynamic',
      pointOfInitiation: 'dynamic',
      url: 'pix.example.com/8b3da2f39a4140d1a91abd93113bd441',
    });
    const composite = parsePix(MANUAL_COMPOSITE);
    expect(composite.errors).toEqual([]);
    expect(composite.fields.map((f) => f.id)).toContain('80');
  });
});

describe('errors name the tag', () => {
  it('wrong CRC', () => {
    const bad = MANUAL_STATIC.slice(0, -4) + '1D3E';
    expect(parsePix(bad).valid).toBe(false);
    expect(parsePix(bad).errors).toEqual(['tag 63 (CRC): CRC 1D3E não confere; o calculado é 1D3D']);
  });

  it('merchant name longer than 25 and city longer than 15', () => {
    const body =
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR' +
      '5926ABCDEFGHIJKLMNOPQRSTUVWXYZ' +
      '6016ABCDEFGHIJKLMNOP62070503***';
    const parsed = parsePix(withCrc(body));
    expect(parsed.valid).toBe(false);
    expect(parsed.errors).toEqual([
      'tag 59 (nome do recebedor): mais de 25 caracteres (26)',
      'tag 60 (cidade do recebedor): mais de 15 caracteres (16)',
    ]);
  });

  it('currency, country, amount format and txid', () => {
    const body =
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-42665544000052040000' +
      '5303840' + // USD
      '540410,5' + // comma decimal
      '5802US5913Fulano de Tal6008BRASILIA' +
      '62080504a-b1';
    const errors = parsePix(withCrc(body)).errors.join('\n');
    expect(errors).toMatch(/^tag 53 \(moeda\): deve ser "986"/m);
    expect(errors).toMatch(/^tag 54 \(valor\): "10,5" não é um valor/m);
    expect(errors).toMatch(/^tag 58 \(país\): deve ser "BR"/m);
    expect(errors).toMatch(/^tag 62-05 \(txid\): "a-b1"/m);
  });

  it('truncated TLV and missing tags', () => {
    expect(parsePix('000201265800').errors[0]).toMatch(
      /^tag 26 \(informações da conta Pix\): declara 58 caracteres/,
    );
    expect(parsePix('hello').valid).toBe(false);
    expect(parsePix('').errors).toEqual(['BR Code vazio']);
  });

  it('invalid CPF key', () => {
    const body =
      '00020126330014br.gov.bcb.pix0111111444777365204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***';
    expect(parsePix(withCrc(body)).errors).toEqual([
      'tag 26-01 (chave Pix): chave CPF inválida (CPF com dígito verificador inválido)',
    ]);
  });
});

describe('makeStaticPix rules', () => {
  it('removes accents from name, city and description; formats the amount', () => {
    const payload = makeStaticPix({
      key: '111.444.777-35',
      amountCents: 1050,
      merchantName: 'José Conceição',
      merchantCity: 'São Paulo',
      description: 'Pedido nº 12 – ação',
      txid: 'PED12',
    });
    const parsed = parsePix(payload);
    expect(parsed).toMatchObject({
      valid: true,
      key: '11144477735',
      keyType: 'cpf',
      amount: '10.50',
      amountCents: 1050,
      merchantName: 'Jose Conceicao',
      merchantCity: 'Sao Paulo',
      description: 'Pedido n 12 acao',
      txid: 'PED12',
    });
  });

  it('merchant name at the boundary: 25 characters accepted, 26 refused (BCB manual, pix-utils agrees)', () => {
    const inputs = (name: string) => ({ key: 'a@b.com', merchantName: name, merchantCity: 'RECIFE' });
    for (const make of [
      makeStaticPix,
      (i: ReturnType<typeof inputs>) => makeDynamicPix({ ...i, url: 'pix.example.com/qr/1' }),
    ]) {
      expect(parsePix(make(inputs('N'.repeat(25)))).merchantName).toBe('N'.repeat(25));
      expect(() => make(inputs('N'.repeat(26)))).toThrow(
        /tag 59 \(nome do recebedor\): .* tem 26 caracteres, máximo 25/,
      );
    }
    // The independent library draws the same line: 25 builds, 26 is refused.
    const theirs = (name: string) =>
      createStaticPix({
        pixKey: 'a@b.com',
        merchantName: name,
        merchantCity: 'RECIFE',
        transactionAmount: 0,
      });
    const accepted = theirs('N'.repeat(25));
    if (hasError(accepted)) throw new Error(accepted.message);
    expect(parsePix(accepted.toBRCode())).toMatchObject({ valid: true, merchantName: 'N'.repeat(25) });
    expect(hasError(theirs('N'.repeat(26)))).toBe(true);
    // Reading: a 26-character tag 59 in a payload with a correct CRC is refused by name.
    const body26 =
      '00020126290014br.gov.bcb.pix0107a@b.com5204000053039865802BR5926' +
      'N'.repeat(26) +
      '6006RECIFE62070503***';
    expect(parsePix(withCrc(body26)).errors).toEqual([
      'tag 59 (nome do recebedor): mais de 25 caracteres (26)',
    ]);
  });

  it('throws naming each tag over its limit', () => {
    const call = () =>
      makeStaticPix({
        key: 'financeiro@example.com',
        merchantName: 'Comércio de Materiais de Construção',
        merchantCity: 'Santana de Parnaíba',
        txid: 'tem espaço',
        description: 'x'.repeat(80),
      });
    expect(call).toThrow(PixError);
    expect(call).toThrow(
      /tag 59 \(nome do recebedor\): "Comercio de Materiais de Construcao" tem 35 caracteres, máximo 25/,
    );
    expect(call).toThrow(/tag 60 \(cidade do recebedor\)/);
    expect(call).toThrow(/tag 62-05 \(txid\)/);
    expect(call).toThrow(
      /tag 26 \(informações da conta Pix\): GUI \+ chave \+ descrição ocupam 128 caracteres, máximo 99/,
    );
  });

  it('reports a description over 99 characters on tag 26, not as a TLV overflow', () => {
    expect(() =>
      makeStaticPix({ key: 'a@b.com', merchantName: 'A', merchantCity: 'B', description: 'y'.repeat(120) }),
    ).toThrow(/^tag 26 \(informações da conta Pix\): GUI \+ chave \+ descrição ocupam 153 caracteres/);
  });

  it('rejects keys that are no Pix key type', () => {
    expect(() => makeStaticPix({ key: 'not a key', merchantName: 'A', merchantCity: 'B' })).toThrow(
      /tag 26-01/,
    );
    expect(() => makeStaticPix({ key: '11144477736', merchantName: 'A', merchantCity: 'B' })).toThrow(/CPF/);
  });

  it('normalizes keys as people type them', () => {
    expect(normalizePixKey('111.444.777-35')).toBe('11144477735');
    expect(normalizePixKey('11.222.333/0001-81')).toBe('11222333000181');
    expect(normalizePixKey('12abc34501de35')).toBe('12ABC34501DE35');
    expect(normalizePixKey('+55 (11) 99876-5432')).toBe('+5511998765432');
    expect(normalizePixKey(' Financeiro@Example.COM ')).toBe('financeiro@example.com');
    expect(normalizePixKey('123E4567-E12B-12D1-A456-426655440000')).toBe(
      '123e4567-e12b-12d1-a456-426655440000',
    );
    expect(classifyPixKey('+5511998765432')).toEqual({ type: 'phone' });
  });

  it('accepts an alphanumeric CNPJ key', () => {
    const parsed = parsePix(
      makeStaticPix({ key: '12.ABC.345/01DE-35', merchantName: 'A', merchantCity: 'B' }),
    );
    expect(parsed).toMatchObject({ valid: true, key: '12ABC34501DE35', keyType: 'cnpj' });
  });
});

// ---------- property tests against pix-utils (independent implementation) ----------
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const word = (chars: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...chars.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));
const digits = (n: number) => word('0123456789', n, n);
const spacedText = (maxLength: number) =>
  fc
    .array(word('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1, 8), { minLength: 1, maxLength: 4 })
    .map((words) => words.join(' ').slice(0, maxLength).trim())
    .filter((t) => t.length > 0);
const pixKey = fc.oneof(
  digits(9).map(makeCpf),
  digits(12).map(makeCnpj),
  fc
    .tuple(word('abcdefghijklmnopqrstuvwxyz0123456789', 1, 20), word('abcdefghij', 1, 10))
    .map(([u, d]) => `${u}@${d}.com.br`),
  digits(9).map((n) => `+5511${n}`),
  fc.uuid().map((u) => u.toLowerCase()),
);
const staticInput = fc.record({
  key: pixKey,
  amountCents: fc.option(fc.integer({ min: 1, max: 99_999_999_99 }), { nil: undefined }),
  merchantName: spacedText(25),
  merchantCity: spacedText(15),
  txid: fc.option(word(ALNUM, 1, 25), { nil: undefined }),
  description: fc.option(spacedText(20), { nil: undefined }),
});

describe('oracle: pix-utils', () => {
  it('ours → theirs: every payload we build parses in pix-utils with the same fields', () => {
    fc.assert(
      fc.property(staticInput, (input) => {
        const payload = makeStaticPix(input);
        // pix-utils finds the CRC by searching the first "6304" in the text instead of walking the TLV, so it
        // reports "invalid crc" when a value contains 6304 (e.g. txid PED6304); such inputs are not comparable.
        fc.pre(!payload.slice(0, -8).includes('6304'));
        const theirs = oracleParse(payload);
        if (hasError(theirs)) throw new Error(`pix-utils rejeitou ${payload}: ${theirs.message}`);
        if (theirs.type !== 'STATIC') throw new Error('tipo');
        expect(theirs.pixKey).toBe(input.key);
        expect(theirs.merchantName).toBe(input.merchantName);
        expect(theirs.merchantCity).toBe(input.merchantCity);
        expect(theirs.txid).toBe(input.txid ?? '***');
        expect(theirs.infoAdicional).toBe(input.description);
        expect(Math.round((theirs.transactionAmount ?? 0) * 100)).toBe(input.amountCents ?? 0);
        expect(parsePix(payload).valid).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('theirs → ours: every static payload pix-utils builds is valid here with the same fields', () => {
    fc.assert(
      fc.property(staticInput, (input) => {
        const created = createStaticPix({
          pixKey: input.key,
          merchantName: input.merchantName,
          merchantCity: input.merchantCity,
          transactionAmount: (input.amountCents ?? 0) / 100,
          txid: input.txid,
          infoAdicional: input.description,
        });
        fc.pre(!hasError(created));
        if (hasError(created)) return;
        const payload = created.toBRCode();
        const ours = parsePix(payload);
        expect(ours.errors).toEqual([]);
        expect(ours.key).toBe(input.key);
        expect(ours.amountCents).toBe(input.amountCents);
        expect(ours.merchantName?.toUpperCase()).toBe(input.merchantName.toUpperCase());
        expect(ours.txid).toBe(input.txid ?? '***');
      }),
      { numRuns: 500 },
    );
  });

  it('dynamic payloads cross both ways', () => {
    const url = fc
      .tuple(word('abcdefghijklmnopqrstuvwxyz', 3, 12), word('0123456789abcdef', 32, 32))
      .map(([host, id]) => `${host}.example.com/qr/v2/${id}`);
    fc.assert(
      fc.property(url, spacedText(25), spacedText(15), (u, name, city) => {
        const ours = makeDynamicPix({ url: u, merchantName: name, merchantCity: city });
        const theirsParsed = oracleParse(ours);
        if (hasError(theirsParsed) || theirsParsed.type !== 'DYNAMIC')
          throw new Error(`pix-utils rejeitou ${ours}`);
        expect(theirsParsed.url).toBe(u);
        const created = createDynamicPix({ url: u, merchantName: name, merchantCity: city });
        if (hasError(created)) throw new Error(created.message);
        const parsed = parsePix(created.toBRCode());
        expect(parsed.errors).toEqual([]);
        expect(parsed).toMatchObject({ type: 'dynamic', url: u });
      }),
      { numRuns: 200 },
    );
  });

  it('a value containing "6304" is valid here (pix-utils misreads it as the CRC tag)', () => {
    const payload = makeStaticPix({
      key: 'a@b.com',
      merchantName: 'LOJA',
      merchantCity: 'RECIFE',
      txid: 'PED6304',
    });
    expect(parsePix(payload)).toMatchObject({ valid: true, txid: 'PED6304' });
    expect(payload.endsWith(crc16Ccitt(payload.slice(0, -4)))).toBe(true);
  });

  it('both reject a payload whose CRC was changed', () => {
    fc.assert(
      fc.property(staticInput, fc.integer({ min: 1, max: 0xffff }), (input, delta) => {
        const payload = makeStaticPix(input);
        const crc = parseInt(payload.slice(-4), 16);
        const tampered =
          payload.slice(0, -4) + ((crc + delta) & 0xffff).toString(16).toUpperCase().padStart(4, '0');
        expect(parsePix(tampered).valid).toBe(false);
        expect(hasError(oracleParse(tampered))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
