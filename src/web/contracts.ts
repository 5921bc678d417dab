/**
 * The console's view of the server's shapes, inferred from the zod contracts (type-only: nothing of zod or the
 * server ends up in the bundle). The one place the web imports server types from.
 */
import type { z } from 'zod';
import type { apiTokenSchema, createdApiTokenSchema } from '../contracts/api-tokens.js';
import type {
  bankAccountSchema,
  bankAccountUpsertBody,
  portadorSchema,
  portadorUpsertBody,
} from '../contracts/banking.js';
import type {
  creditAnalysisSchema,
  creditCandidatesSchema,
  creditCustomerItemSchema,
  creditCustomerPageSchema,
  creditHistorySchema,
  creditRequestOutcomesSchema,
  platformJobRunSchema,
  platformJobSchema,
  reconciliationOutcomesSchema,
  reconciliationPageSchema,
  reconciliationRecordSchema,
  reconciliationRunSchema,
} from '../contracts/credit.js';
import type { customerListItemSchema, customerSchema } from '../contracts/customers.js';
import type {
  connectionCheckSchema,
  integrationBody,
  integrationSchema,
  platformSchema,
  portadorOptionSchema,
} from '../contracts/integrations.js';
import type { retornoPageSchema, retornoSchema } from '../contracts/retornos.js';
import type { historySchema, movementSchema, receivableDetailSchema } from '../contracts/receivables.js';
import type { companySchema, sessionSchema } from '../contracts/session.js';
import type {
  consoleReceivablePageSchema,
  consoleReceivableSchema,
} from '../contracts/console-receivables.js';

export type Session = z.infer<typeof sessionSchema>;
export type Company = z.infer<typeof companySchema>;
export type Receivable = z.infer<typeof consoleReceivableSchema>;
export type ReceivablePage = z.infer<typeof consoleReceivablePageSchema>;
export type ReceivableDetail = z.infer<typeof receivableDetailSchema>;
export type Movement = z.infer<typeof movementSchema>;
export type HistoryEntry = z.infer<typeof historySchema>;
export type CustomerListItem = z.infer<typeof customerListItemSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type Platform = z.infer<typeof platformSchema>;
export type Integration = z.infer<typeof integrationSchema>;
export type IntegrationInput = z.input<typeof integrationBody>;
export type PortadorOption = z.infer<typeof portadorOptionSchema>;
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;
export type Retorno = z.infer<typeof retornoSchema>;
export type RetornoPage = z.infer<typeof retornoPageSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
export type BankAccount = z.infer<typeof bankAccountSchema>;
export type BankAccountUpsert = z.input<typeof bankAccountUpsertBody>;
export type Portador = z.infer<typeof portadorSchema>;
export type PortadorUpsert = z.input<typeof portadorUpsertBody>;
export type CreditCustomer = z.infer<typeof creditCustomerItemSchema>;
export type CreditCustomerPage = z.infer<typeof creditCustomerPageSchema>;
export type CreditCandidates = z.infer<typeof creditCandidatesSchema>;
export type CreditRequestOutcomes = z.infer<typeof creditRequestOutcomesSchema>;
export type CreditAnalysis = z.infer<typeof creditAnalysisSchema>;
export type CreditHistory = z.infer<typeof creditHistorySchema>;
export type ReconciliationRecord = z.infer<typeof reconciliationRecordSchema>;
export type ReconciliationPage = z.infer<typeof reconciliationPageSchema>;
export type ReconciliationOutcomes = z.infer<typeof reconciliationOutcomesSchema>;
export type PlatformJob = z.infer<typeof platformJobSchema>;
export type PlatformJobRun = z.infer<typeof platformJobRunSchema>;
export type ReconciliationRun = z.infer<typeof reconciliationRunSchema>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
