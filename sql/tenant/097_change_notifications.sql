-- Every write to a town table tells the serving process that the town's data changed, so that
-- the pages it reuses (the family planning) are rendered again (TownChanges, PageCache).
-- Statement-level: one notification per statement at most, and PostgreSQL folds identical
-- notifications of a transaction into one. The serving process sets portal.change_announced in
-- its own transactions and notifies just after their commit, in a transaction that waits for no
-- flush (TownChanges.announce): a notifying commit holds a cluster-wide lock until it is flushed,
-- which would queue the opening-day rush's commits one behind the other.
CREATE FUNCTION notify_town_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('portal.change_announced', true), '') <> 'on' THEN
        PERFORM pg_notify('town_changes', TG_TABLE_SCHEMA);
    END IF;
    RETURN NULL;
END
$$;

-- A table added by a later migration gets its trigger there (TownChangeTests checks each table).
DO $$
DECLARE
    name text;
BEGIN
    FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('CREATE TRIGGER town_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION notify_town_change()', name);
    END LOOP;
END
$$;
