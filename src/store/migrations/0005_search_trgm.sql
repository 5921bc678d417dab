-- Contains-search (ILIKE '%…%') over millions of títulos: trigram indexes on the texts the Títulos search reads.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "receivables_search_trgm" ON "receivables" USING gin (("number" || ' ' || "document" || ' ' || "erp_key" || ' ' || coalesce("invoice_number", '')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_name_trgm" ON "customers" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_document_trgm" ON "customers" USING gin ("document" gin_trgm_ops);
