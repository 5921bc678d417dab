/**
 * Ours ↔ Efí's on the points where units differ, checked against Efí's documentation example
 * (dev.efipay.com.br, "Boleto one-step": `"configurations": { "fine": 200, "interest": 33 }` is a 2 % fine and
 * 0.033 % a day, i.e. about 1 % a month), and the default return commands for every Efí status.
 */
import { describe, expect, it } from 'vitest';
import { findReturnCommand } from '../../../src/domain/settlement/return-commands.js';
import { efiDefinition } from '../../../src/platforms/efi/adapter.js';
import { efiInstant, efiPhone, oneStepBody } from '../../../src/platforms/efi/mapping.js';
import { efiChargeStatuses } from '../../../src/platforms/efi/wire.js';
import { platformDefinition } from '../../../src/platforms/registry.js';
import { boleto, CNPJ } from './support.js';

describe('one-step body', () => {
  it('2 % fine and 1 % a month interest become Efí’s fine 200 and interest 33; values in centavos', () => {
    const body = oneStepBody(
      boleto({ amountCents: 5_990, fineBasisPoints: 200, interestMonthlyBasisPoints: 100 }),
    );
    expect(body.payment.banking_billet.configurations).toEqual({ fine: 200, interest: 33 });
    expect(body.items).toEqual([{ name: 'Duplicata 123/1', value: 5_990, amount: 1 }]);
  });

  it('a discount until a date is a conditional discount in centavos; the notification URL goes in metadata', () => {
    const request = boleto({ discount: { cents: 150, until: '2027-01-05' } });
    const body = oneStepBody(request, 'https://finconsole.example/webhooks/efi/tok');
    expect(body.payment.banking_billet.conditional_discount).toEqual({
      type: 'currency',
      value: 150,
      until_date: '2027-01-05',
    });
    expect(body.metadata).toEqual({
      custom_id: request.customId,
      notification_url: 'https://finconsole.example/webhooks/efi/tok',
    });
  });

  it('a company payer is juridical_person with corporate_name and cnpj, without name/cpf', () => {
    const body = oneStepBody(
      boleto({ payer: { name: 'Acme Ltda', document: CNPJ, phone: '+55 11 98765-4321' } }),
    );
    expect(body.payment.banking_billet.customer).toEqual({
      juridical_person: { corporate_name: 'Acme Ltda', cnpj: CNPJ },
      phone_number: '11987654321',
    });
  });
});

describe('units', () => {
  it('phones: digits, country code dropped', () => {
    expect(efiPhone('(51) 4491-6523')).toBe('5144916523');
    expect(efiPhone('+55 (11) 98765-4321')).toBe('11987654321');
  });

  it('Efí’s local timestamps are São Paulo time (UTC−3)', () => {
    expect(efiInstant('2026-11-23 10:15:00')).toBe('2026-11-23T13:15:00.000Z');
    expect(efiInstant('2026-11-23')).toBe('2026-11-23T03:00:00.000Z');
    expect(efiInstant('2026-11-23T10:15:00Z')).toBe('2026-11-23T10:15:00.000Z');
  });
});

describe('return commands', () => {
  it('every Efí charge status has a default command; money moves on paid and settled only', () => {
    const table = efiDefinition.returnCommands!;
    for (const status of efiChargeStatuses) expect(findReturnCommand(table, status), status).toBeDefined();
    expect(table.filter((c) => c.action === 'settle').map((c) => c.code)).toEqual(['paid', 'settled']);
    expect(findReturnCommand(table, 'waiting')?.action).toBe('confirm_registration');
    expect(findReturnCommand(table, 'canceled')?.action).toBe('write_off');
    expect(findReturnCommand(table, 'unpaid')?.action).toBe('informative');
  });

  it('the registry answers the stored code, and refuses unknown codes (also inherited names)', () => {
    expect(platformDefinition('efi')).toBe(efiDefinition);
    expect(() => platformDefinition('boleto-magico')).toThrow('plataforma desconhecida: boleto-magico');
    expect(() => platformDefinition('toString')).toThrow('plataforma desconhecida: toString');
  });
});
