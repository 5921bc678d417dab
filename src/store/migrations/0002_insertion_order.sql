DROP INDEX "receivable_movements_receivable_idx";--> statement-breakpoint
DROP INDEX "record_history_entity_idx";--> statement-breakpoint
ALTER TABLE "receivable_movements" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "record_history" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "receivable_movements_receivable_idx" ON "receivable_movements" USING btree ("receivable_id","seq");--> statement-breakpoint
CREATE INDEX "record_history_entity_idx" ON "record_history" USING btree ("entity","entity_id","seq");