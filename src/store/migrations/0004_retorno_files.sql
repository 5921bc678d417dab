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
ALTER TABLE "retorno_files" ADD CONSTRAINT "retorno_files_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retorno_files" ADD CONSTRAINT "retorno_files_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retorno_files_integration_sha_key" ON "retorno_files" USING btree ("integration_id","sha256");