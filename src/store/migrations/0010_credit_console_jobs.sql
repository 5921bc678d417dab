CREATE TABLE "customer_credit_profiles" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"erp_credit_limit_cents" bigint DEFAULT 0 NOT NULL,
	"sales_last_12_months" jsonb NOT NULL,
	"request_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_jobs" (
	"integration_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"job" text NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"running_since" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_outcome" text,
	"last_summary" jsonb,
	"cursor" timestamp with time zone,
	CONSTRAINT "platform_jobs_integration_id_job_pk" PRIMARY KEY("integration_id","job")
);
--> statement-breakpoint
CREATE TABLE "reconciliation_posting_rules" (
	"company_id" uuid NOT NULL,
	"event_code" text NOT NULL,
	"amount_kind" "movement_kind" NOT NULL,
	"fee_kind" "movement_kind" NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciliation_posting_rules_company_id_event_code_pk" PRIMARY KEY("company_id","event_code")
);
--> statement-breakpoint
ALTER TABLE "customer_credit_profiles" ADD CONSTRAINT "customer_credit_profiles_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credit_profiles" ADD CONSTRAINT "customer_credit_profiles_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_jobs" ADD CONSTRAINT "platform_jobs_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_jobs" ADD CONSTRAINT "platform_jobs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_posting_rules" ADD CONSTRAINT "reconciliation_posting_rules_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;