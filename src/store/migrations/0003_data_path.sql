CREATE TABLE "communication_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_id" uuid,
	"integration_id" uuid,
	"platform" text NOT NULL,
	"operation" text NOT NULL,
	"direction" text NOT NULL,
	"method" text,
	"url" text,
	"http_status" integer,
	"outcome" text NOT NULL,
	"duration_ms" integer,
	"request_body" jsonb,
	"response_body" jsonb,
	"subject_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enabled_platforms" (
	"platform" text PRIMARY KEY NOT NULL,
	"enabled" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"portador_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"charge_type" text NOT NULL,
	"environment" text NOT NULL,
	"endpoint_url" text,
	"realtime" integer DEFAULT 0 NOT NULL,
	"reference_date" date NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"options" jsonb NOT NULL,
	"secrets" text,
	"webhook_token" text NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"receipt_history_code" text,
	"entries_history_code" text,
	"fees_history_code" text,
	"notify_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"company_id" uuid,
	"subject_id" text,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relayed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "remessas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"receivable_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"status" text NOT NULL,
	"charge_id" text,
	"nosso_numero" text,
	"line" text,
	"barcode" text,
	"pix_copy_paste" text,
	"pdf_url" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retornos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"receivable_id" uuid,
	"remessa_id" uuid,
	"charge_id" text,
	"nosso_numero" text,
	"occurrence_code" text NOT NULL,
	"occurrence_description" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"paid_on" date,
	"credited_on" date,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"interest_cents" bigint DEFAULT 0 NOT NULL,
	"fine_cents" bigint DEFAULT 0 NOT NULL,
	"discount_cents" bigint DEFAULT 0 NOT NULL,
	"rebate_cents" bigint DEFAULT 0 NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"other_costs_cents" bigint DEFAULT 0 NOT NULL,
	"collection_cost_cents" bigint DEFAULT 0 NOT NULL,
	"raw" jsonb,
	"situation" text DEFAULT 'not_processed' NOT NULL,
	"note" text,
	"processed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_commands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"action" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "pix_key_type" text;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "erp_key" text;--> statement-breakpoint
UPDATE "bank_accounts" SET "erp_key" = "id"::text WHERE "erp_key" IS NULL;--> statement-breakpoint
ALTER TABLE "bank_accounts" ALTER COLUMN "erp_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "portadores" ADD COLUMN "erp_key" text;--> statement-breakpoint
UPDATE "portadores" SET "erp_key" = "id"::text WHERE "erp_key" IS NULL;--> statement-breakpoint
ALTER TABLE "portadores" ALTER COLUMN "erp_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "portadores" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "portadores" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_portador_id_portadores_id_fk" FOREIGN KEY ("portador_id") REFERENCES "public"."portadores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessas" ADD CONSTRAINT "remessas_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessas" ADD CONSTRAINT "remessas_receivable_id_receivables_id_fk" FOREIGN KEY ("receivable_id") REFERENCES "public"."receivables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessas" ADD CONSTRAINT "remessas_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retornos" ADD CONSTRAINT "retornos_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retornos" ADD CONSTRAINT "retornos_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retornos" ADD CONSTRAINT "retornos_receivable_id_receivables_id_fk" FOREIGN KEY ("receivable_id") REFERENCES "public"."receivables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retornos" ADD CONSTRAINT "retornos_remessa_id_remessas_id_fk" FOREIGN KEY ("remessa_id") REFERENCES "public"."remessas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communication_log_company_at_idx" ON "communication_log" USING btree ("company_id","at");--> statement-breakpoint
CREATE INDEX "integrations_company_idx" ON "integrations" USING btree ("company_id","platform");--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_webhook_token_key" ON "integrations" USING btree ("webhook_token");--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_active_portador_key" ON "integrations" USING btree ("portador_id") WHERE "integrations"."active" = 1;--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_one_active_efi_key" ON "integrations" USING btree ("company_id") WHERE "integrations"."active" = 1 AND "integrations"."platform" = 'efi';--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_key" ON "outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE "outbox"."relayed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "outbox_company_name_idx" ON "outbox" USING btree ("company_id","name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "remessas_receivable_integration_key" ON "remessas" USING btree ("receivable_id","integration_id");--> statement-breakpoint
CREATE INDEX "remessas_company_status_idx" ON "remessas" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "remessas_charge_idx" ON "remessas" USING btree ("integration_id","charge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retornos_integration_event_key" ON "retornos" USING btree ("integration_id","event_id");--> statement-breakpoint
CREATE INDEX "retornos_company_situation_idx" ON "retornos" USING btree ("company_id","situation");--> statement-breakpoint
CREATE INDEX "retornos_receivable_idx" ON "retornos" USING btree ("receivable_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_commands_scope_code_key" ON "return_commands" USING btree ("scope","code");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_company_erp_key" ON "bank_accounts" USING btree ("company_id","erp_key");--> statement-breakpoint
CREATE UNIQUE INDEX "portadores_company_erp_key" ON "portadores" USING btree ("company_id","erp_key");