CREATE TABLE "account_statement_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"company_id" uuid NOT NULL,
	"portador_id" uuid NOT NULL,
	"bank_account_id" uuid,
	"integration_id" uuid,
	"receivable_id" uuid,
	"retorno_id" uuid,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"history_code" text,
	"description" text NOT NULL,
	"occurred_on" date NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wizard_locks" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"acquired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "auto_process" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "return_commands" ADD COLUMN "history_codes" jsonb;--> statement-breakpoint
ALTER TABLE "account_statement_entries" ADD CONSTRAINT "account_statement_entries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_statement_entries" ADD CONSTRAINT "account_statement_entries_portador_id_portadores_id_fk" FOREIGN KEY ("portador_id") REFERENCES "public"."portadores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_statement_entries" ADD CONSTRAINT "account_statement_entries_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "public"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_statement_entries" ADD CONSTRAINT "account_statement_entries_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_statement_entries" ADD CONSTRAINT "account_statement_entries_receivable_id_receivables_id_fk" FOREIGN KEY ("receivable_id") REFERENCES "public"."receivables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_statement_entries" ADD CONSTRAINT "account_statement_entries_retorno_id_retornos_id_fk" FOREIGN KEY ("retorno_id") REFERENCES "public"."retornos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wizard_locks" ADD CONSTRAINT "wizard_locks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wizard_locks" ADD CONSTRAINT "wizard_locks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_statement_entries_key" ON "account_statement_entries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "account_statement_entries_portador_idx" ON "account_statement_entries" USING btree ("portador_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe_key" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
-- account_statement_entries is append-only, as the título ledger (finconsole_reject_change from 0001).
CREATE TRIGGER account_statement_entries_append_only BEFORE UPDATE OR DELETE ON account_statement_entries
  FOR EACH ROW EXECUTE FUNCTION finconsole_reject_change();
--> statement-breakpoint
CREATE TRIGGER account_statement_entries_no_truncate BEFORE TRUNCATE ON account_statement_entries
  FOR EACH STATEMENT EXECUTE FUNCTION finconsole_reject_change();
