-- Row changes that event streams wait for: an UPDATE of an identity check or a scan request notifies
-- the channel certdesk_row_change with "<table>:<id>" (delivered at commit), so a stream held on any
-- instance wakes at once (lib/db/row-changes.ts). The streams still poll once a second, and PGlite only polls.
-- The migration engine splits scripts at every semicolon, dollar quotes included: the function body
-- is an escape string whose semicolons are written \073.
CREATE FUNCTION "certdesk_notify_row_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN PERFORM pg_notify(''certdesk_row_change'', TG_TABLE_NAME || '':'' || NEW.id)\073 RETURN NULL\073 END';

-- CreateTrigger
CREATE TRIGGER "IdentityCheck_notify_row_change" AFTER UPDATE ON "IdentityCheck" FOR EACH ROW EXECUTE FUNCTION "certdesk_notify_row_change"();

-- CreateTrigger
CREATE TRIGGER "ScanRequest_notify_row_change" AFTER UPDATE ON "ScanRequest" FOR EACH ROW EXECUTE FUNCTION "certdesk_notify_row_change"();
