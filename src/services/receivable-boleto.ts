/**
 * The boleto of a título, as the console shows it (nosso número, linha digitável, PIX copia e cola) and prints it
 * (the "2ª via"). A título registered at a platform that answered with its own line (Efí) shows the platform's
 * values and its PDF. Otherwise, when the portador is a bank account of a bank with boleto rules and no remessa has
 * numbered the título yet, the engine (src/domain/boleto) computes them from the portador's carteira/convênio and
 * the título's own nosso número (número and parcela, digits only), for the open amount. Boleto Híbrido (the
 * portador's integration charges `hybrid` and its account has a PIX key) adds a static BR Code for that amount.
 */
import type { ReceivableBoletoView } from '../contracts/receivables.js';
import { BoletoError, findBank, formatBankLine, makeBankBoleto } from '../domain/boleto/index.js';
import { makeStaticPix, PixError, toPixText } from '../domain/pix/index.js';
import { isClosedStatus, RECEIVABLE_STATUS_LABELS } from '../domain/receivable/statuses.js';
import { getBankAccount, getPortador } from '../store/banking.js';
import { getCompany } from '../store/companies.js';
import type { Executor } from '../store/connection.js';
import { getCustomer } from '../store/customers.js';
import { activeIntegrationOfPortador } from '../store/integrations.js';
import { getReceivableRow, type ReceivableRow } from '../store/receivables.js';
import { remessaOfReceivable } from '../store/remessas.js';
import { notFound, ServiceError } from './errors.js';

/** What the PDF renderer (src/pdf, boletoDocumentSchema) prints for one boleto. */
export interface BoletoPrint {
  bankCode: string;
  beneficiary: { name: string; document: string };
  payer: { name: string; document: string; address?: string };
  account: { agency: string; account: string; carteira?: string; convenio?: string };
  nossoNumero: string;
  documentNumber: string;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  /** Boleto Híbrido: the static BR Code printed as the QR (the same the detail offers to copy). */
  pix?: { payload: string };
}

interface Boleto {
  view: ReceivableBoletoView;
  /** Set when the boleto is printed here (not the platform's). */
  print?: BoletoPrint;
}

const NONE = {
  registered: false,
  platform: null,
  nossoNumero: null,
  line: null,
  pixCopyPaste: null,
  pdfUrl: null,
};

function unavailable(reason: string): Boleto {
  return { view: { available: false, reason, ...NONE } };
}

/** The título's own nosso número: the digits of its número followed by the parcela in two digits. */
export function ownNossoNumero(row: Pick<ReceivableRow, 'number' | 'installment'>): string {
  return `${row.number.replace(/\D/g, '')}${String(row.installment).padStart(2, '0')}`.replace(
    /^0+(?=\d)/,
    '',
  );
}

async function boletoOf(ex: Executor, row: ReceivableRow): Promise<Boleto> {
  const remessa = await remessaOfReceivable(ex, row.id);
  if (remessa?.line)
    return {
      view: {
        available: true,
        reason: null,
        registered: true,
        platform: remessa.platform,
        nossoNumero: remessa.nossoNumero ?? remessa.chargeId,
        line: /^\d{47}$/.test(remessa.line) ? formatBankLine(remessa.line) : remessa.line,
        pixCopyPaste: remessa.pixCopyPaste,
        pdfUrl: remessa.pdfUrl,
      },
    };
  // A bank by file numbered it from the portador's sequence: a boleto printed here with another number would not
  // be the registered one.
  if (remessa?.nossoNumero)
    return unavailable(
      `registrado no banco por arquivo com o nosso número ${remessa.nossoNumero}; a 2ª via é a do banco`,
    );
  if (isClosedStatus(row.status))
    return unavailable(`título ${RECEIVABLE_STATUS_LABELS[row.status]}: não há boleto a pagar`);
  if (!row.portadorId) return unavailable('o título não tem portador');
  const portador = await getPortador(ex, row.portadorId, [row.companyId]);
  const bankAccount = portador?.bankAccountId ? await getBankAccount(ex, portador.bankAccountId) : null;
  if (!portador || !bankAccount)
    return unavailable(`o portador ${portador?.name ?? ''} não tem conta bancária (carteira)`);
  if (!findBank(bankAccount.bankCode))
    return unavailable(`o banco ${bankAccount.bankCode} não tem regras de boleto neste sistema`);
  const [company, customer, integration] = await Promise.all([
    getCompany(ex, row.companyId),
    getCustomer(ex, row.customerId, [row.companyId]),
    activeIntegrationOfPortador(ex, portador.id),
  ]);
  const hybrid = integration?.chargeType === 'hybrid' && bankAccount.pixKey;
  const print: BoletoPrint = {
    bankCode: bankAccount.bankCode,
    beneficiary: { name: company!.name, document: company!.cnpj },
    payer: {
      name: customer!.name,
      document: customer!.document,
      ...(customer!.city
        ? {
            address: [
              [customer!.street, customer!.addressNumber].filter(Boolean).join(', '),
              [customer!.district, `${customer!.city}/${customer!.state ?? ''}`, customer!.postalCode]
                .filter(Boolean)
                .join(' — '),
            ].join(' · '),
          }
        : {}),
    },
    account: {
      agency: bankAccount.agency,
      account: bankAccount.accountDigit
        ? `${bankAccount.account}-${bankAccount.accountDigit}`
        : bankAccount.account,
      ...(portador.carteira ? { carteira: portador.carteira } : {}),
      ...(portador.convenio ? { convenio: portador.convenio } : {}),
    },
    nossoNumero: ownNossoNumero(row),
    documentNumber: `${row.number}/${row.installment}`.slice(0, 15),
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    amountCents: row.openAmountCents,
  };
  try {
    if (hybrid)
      print.pix = {
        payload: makeStaticPix({
          key: bankAccount.pixKey!,
          amountCents: print.amountCents,
          merchantName: toPixText(company!.name).slice(0, 25).trim(),
          // A BR Code names the beneficiary's city; the company has no address here, so the payer's stands in.
          merchantCity: toPixText(customer!.city ?? 'BRASIL')
            .slice(0, 15)
            .trim(),
        }),
      };
    const boleto = makeBankBoleto(
      {
        bankCode: print.bankCode,
        dueDate: print.dueDate,
        amountCents: print.amountCents,
        beneficiary: print.account,
        nossoNumero: print.nossoNumero,
      },
      { today: print.issueDate },
    );
    return {
      view: {
        available: true,
        reason: null,
        registered: false,
        platform: null,
        nossoNumero: boleto.nossoNumero.formatted,
        line: boleto.formattedLine,
        pixCopyPaste: print.pix?.payload ?? null,
        pdfUrl: `/api/receivables/${row.id}/boleto.pdf`,
      },
      print,
    };
  } catch (error) {
    if (error instanceof BoletoError || error instanceof PixError) return unavailable(error.message);
    throw error;
  }
}

/** The boleto part of a título's detail. */
export async function receivableBoleto(ex: Executor, row: ReceivableRow): Promise<ReceivableBoletoView> {
  return (await boletoOf(ex, row)).view;
}

/** What the 2ª via prints, for the título with this id within `scope`; 404 outside it, 422 when there is none. */
export async function receivableBoletoPrint(
  ex: Executor,
  scope: readonly string[],
  id: string,
): Promise<BoletoPrint> {
  const row = await getReceivableRow(ex, id, scope);
  if (!row) throw notFound('Título não encontrado.');
  const boleto = await boletoOf(ex, row);
  if (boleto.print) return boleto.print;
  const reason = boleto.view.reason ?? `o boleto deste título é o da plataforma (${boleto.view.platform})`;
  throw new ServiceError(422, 'no_boleto', `Este título não tem 2ª via aqui: ${reason}.`, [
    { path: 'portador', message: reason },
  ]);
}
