-- receivable_movements and record_history are append-only: no UPDATE, DELETE or TRUNCATE, from any code path.
CREATE OR REPLACE FUNCTION finconsole_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a tabela % aceita somente inclusões (% não é permitido)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER receivable_movements_append_only BEFORE UPDATE OR DELETE ON receivable_movements
  FOR EACH ROW EXECUTE FUNCTION finconsole_reject_change();
--> statement-breakpoint
CREATE TRIGGER receivable_movements_no_truncate BEFORE TRUNCATE ON receivable_movements
  FOR EACH STATEMENT EXECUTE FUNCTION finconsole_reject_change();
--> statement-breakpoint
CREATE TRIGGER record_history_append_only BEFORE UPDATE OR DELETE ON record_history
  FOR EACH ROW EXECUTE FUNCTION finconsole_reject_change();
--> statement-breakpoint
CREATE TRIGGER record_history_no_truncate BEFORE TRUNCATE ON record_history
  FOR EACH STATEMENT EXECUTE FUNCTION finconsole_reject_change();
