CREATE TABLE "portador_sequences" (
	"portador_id" uuid NOT NULL,
	"name" text NOT NULL,
	"last_value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "portador_sequences_pkey" PRIMARY KEY("portador_id","name")
);
--> statement-breakpoint
CREATE TABLE "remessa_file_items" (
	"remessa_file_id" uuid NOT NULL,
	"remessa_id" uuid NOT NULL,
	"receivable_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"nosso_numero" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "remessa_file_items_pkey" PRIMARY KEY("remessa_file_id","remessa_id")
);
--> statement-breakpoint
CREATE TABLE "remessa_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"portador_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"line_count" integer NOT NULL,
	"titulo_count" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"generated_on" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portador_sequences" ADD CONSTRAINT "portador_sequences_portador_id_portadores_id_fk" FOREIGN KEY ("portador_id") REFERENCES "public"."portadores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessa_file_items" ADD CONSTRAINT "remessa_file_items_remessa_file_id_remessa_files_id_fk" FOREIGN KEY ("remessa_file_id") REFERENCES "public"."remessa_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessa_file_items" ADD CONSTRAINT "remessa_file_items_remessa_id_remessas_id_fk" FOREIGN KEY ("remessa_id") REFERENCES "public"."remessas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessa_file_items" ADD CONSTRAINT "remessa_file_items_receivable_id_receivables_id_fk" FOREIGN KEY ("receivable_id") REFERENCES "public"."receivables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessa_files" ADD CONSTRAINT "remessa_files_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessa_files" ADD CONSTRAINT "remessa_files_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remessa_files" ADD CONSTRAINT "remessa_files_portador_id_portadores_id_fk" FOREIGN KEY ("portador_id") REFERENCES "public"."portadores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "remessa_file_items_remessa_idx" ON "remessa_file_items" USING btree ("remessa_id");--> statement-breakpoint
CREATE UNIQUE INDEX "remessa_files_portador_sequence_key" ON "remessa_files" USING btree ("portador_id","sequence");--> statement-breakpoint
CREATE INDEX "remessa_files_company_idx" ON "remessa_files" USING btree ("company_id","created_at");