CREATE TABLE "bulk_communication_items" (
	"bulk_id" uuid NOT NULL,
	"receivable_id" uuid NOT NULL,
	"remessa_id" uuid NOT NULL,
	"since_seq" bigint NOT NULL,
	CONSTRAINT "bulk_communication_items_pkey" PRIMARY KEY("bulk_id","receivable_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_communications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"portador_id" uuid NOT NULL,
	"only_not_communicated" integer NOT NULL,
	"filters" jsonb NOT NULL,
	"total" integer NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"situation" text NOT NULL,
	"analysis_code" text,
	"requested_limit_cents" bigint NOT NULL,
	"emergency" integer DEFAULT 0 NOT NULL,
	"erp_credit_limit_cents" bigint DEFAULT 0 NOT NULL,
	"granted_limit_cents" bigint,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_customers" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"situation" text NOT NULL,
	"approved_limit_cents" bigint DEFAULT 0 NOT NULL,
	"available_limit_cents" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliation_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"entry_id" text NOT NULL,
	"event_code" text NOT NULL,
	"entry_type" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"fee_cents" bigint NOT NULL,
	"customer_document" text NOT NULL,
	"customer_id" uuid,
	"invoice_number" text,
	"invoice_series" text,
	"receivable_id" uuid,
	"occurred_on" date NOT NULL,
	"situation" text NOT NULL,
	"reason" text,
	"cycle" integer DEFAULT 0 NOT NULL,
	"raw" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retorno_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text,
	"content" text NOT NULL,
	"line_count" integer NOT NULL,
	"event_count" integer NOT NULL,
	"error_count" integer NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulk_communication_items" ADD CONSTRAINT "bulk_communication_items_bulk_id_bulk_communications_id_fk" FOREIGN KEY ("bulk_id") REFERENCES "public"."bulk_communications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_communication_items" ADD CONSTRAINT "bulk_communication_items_receivable_id_receivables_id_fk" FOREIGN KEY ("receivable_id") REFERENCES "public"."receivables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_communication_items" ADD CONSTRAINT "bulk_communication_items_remessa_id_remessas_id_fk" FOREIGN KEY ("remessa_id") REFERENCES "public"."remessas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_communications" ADD CONSTRAINT "bulk_communications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_communications" ADD CONSTRAINT "bulk_communications_portador_id_portadores_id_fk" FOREIGN KEY ("portador_id") REFERENCES "public"."portadores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_analyses" ADD CONSTRAINT "credit_analyses_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_analyses" ADD CONSTRAINT "credit_analyses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_analyses" ADD CONSTRAINT "credit_analyses_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_customers" ADD CONSTRAINT "credit_customers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_customers" ADD CONSTRAINT "credit_customers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_records" ADD CONSTRAINT "reconciliation_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_records" ADD CONSTRAINT "reconciliation_records_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_records" ADD CONSTRAINT "reconciliation_records_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_records" ADD CONSTRAINT "reconciliation_records_receivable_id_receivables_id_fk" FOREIGN KEY ("receivable_id") REFERENCES "public"."receivables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retorno_files" ADD CONSTRAINT "retorno_files_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retorno_files" ADD CONSTRAINT "retorno_files_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_communications_company_idx" ON "bulk_communications" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "credit_analyses_customer_idx" ON "credit_analyses" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "credit_customers_company_idx" ON "credit_customers" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_records_entry_key" ON "reconciliation_records" USING btree ("integration_id","entry_id");--> statement-breakpoint
CREATE INDEX "reconciliation_records_company_idx" ON "reconciliation_records" USING btree ("company_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "retorno_files_integration_sha_key" ON "retorno_files" USING btree ("integration_id","sha256");