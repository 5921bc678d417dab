/**
 * The console's view of the server's shapes, inferred from the zod contracts (type-only: nothing of zod or the
 * server ends up in the bundle). The one place the web imports server types from.
 */
import type { z } from 'zod';
import type { apiTokenSchema, createdApiTokenSchema } from '../contracts/api-tokens.js';
import type { auditEntrySchema, auditPageSchema } from '../contracts/audit.js';
import type {
  webhookDeliveryDetailSchema,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhookSubscriptionBody,
  webhookSubscriptionSchema,
} from '../contracts/webhooks.js';
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
import type {
  remessaActionBody,
  remessaActionResultSchema,
  remessaHistorySchema,
  remessaItemSchema,
  remessaPageSchema,
} from '../contracts/remessa.js';
import type {
  bulkPreviewSchema,
  bulkProgressSchema,
  bulkStartBody,
} from '../contracts/bulk-communication.js';
import type { logEntrySchema, logPageSchema } from '../contracts/logs.js';
import type {
  retornoHistorySchema,
  retornoPageSchema,
  retornoProcessResultSchema,
  retornoSchema,
} from '../contracts/retornos.js';
import type {
  returnCommandScopeSchema,
  returnCommandTableSchema,
  returnCommandSchema,
} from '../contracts/return-commands.js';
import type {
  notificationListSchema,
  notifiableUserSchema,
  wizardLockSchema,
} from '../contracts/notifications.js';
import type { statementSchema } from '../contracts/account-statement.js';
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
export type RemessaItem = z.infer<typeof remessaItemSchema>;
export type RemessaPage = z.infer<typeof remessaPageSchema>;
export type RemessaHistory = z.infer<typeof remessaHistorySchema>;
export type RemessaActionInput = z.input<typeof remessaActionBody>;
export type RemessaActionResult = z.infer<typeof remessaActionResultSchema>;
export type BulkStartInput = z.input<typeof bulkStartBody>;
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;
export type BulkProgress = z.infer<typeof bulkProgressSchema>;
export type LogEntry = z.infer<typeof logEntrySchema>;
export type LogPage = z.infer<typeof logPageSchema>;
export type RetornoHistory = z.infer<typeof retornoHistorySchema>;
export type RetornoProcessResult = z.infer<typeof retornoProcessResultSchema>;
export type ReturnCommandScope = z.infer<typeof returnCommandScopeSchema>;
export type ReturnCommandTable = z.infer<typeof returnCommandTableSchema>;
export type ReturnCommand = z.infer<typeof returnCommandSchema>;
export type NotificationList = z.infer<typeof notificationListSchema>;
export type NotifiableUser = z.infer<typeof notifiableUserSchema>;
export type WizardLock = z.infer<typeof wizardLockSchema>;
export type AccountStatement = z.infer<typeof statementSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;
export type WebhookSubscriptionInput = z.input<typeof webhookSubscriptionBody>;
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPageSchema>;
export type WebhookDeliveryDetail = z.infer<typeof webhookDeliveryDetailSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
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
