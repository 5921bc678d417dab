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
ALTER TABLE "retorno_files" ADD CONSTRAINT "retorno_files_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retorno_files" ADD CONSTRAINT "retorno_files_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_communications_company_idx" ON "bulk_communications" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "retorno_files_integration_sha_key" ON "retorno_files" USING btree ("integration_id","sha256");