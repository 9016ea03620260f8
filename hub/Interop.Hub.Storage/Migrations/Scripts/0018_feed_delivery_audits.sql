-- The change feed's read audit, compact: one row per reader and audit batch,
-- not one per stream and change (see Feed/DeliveryAudit.cs).
--
-- Measured with the feed benchmark at 50 subscribers (issue 15): one
-- audit_records row per stream and change (heap, primary key and two
-- secondary indexes, about 460 B of WAL each) was 27.5 MB of WAL against
-- 10 MB for the changes themselves, and most of PostgreSQL's CPU per write.
-- A reader here is what an auditor asks about: organisation, key, peer
-- address and method; the row lists the applications it was shown in that
-- batch. Several streams of one key from one address reading one change in
-- the same batch are one fact, recorded once.
--
-- Its ids come from audit_records' own sequence, so the two tables form one
-- trail in one order: AuditService lists them merged by audit_id (a row's
-- applications share its id and are ordered by number within it).
CREATE TABLE feed_delivery_audits (
    audit_id             bigint PRIMARY KEY DEFAULT nextval('audit_records_audit_id_seq'),
    access_time          timestamptz NOT NULL,
    organization_id      text NOT NULL,
    key_id               text,
    method               text NOT NULL,
    peer                 text NOT NULL DEFAULT '',
    application_numbers  text[] NOT NULL CHECK (cardinality(application_numbers) > 0)
);

-- By application (the applicant's right of access): a GIN posting list per
-- number holds every reader row that showed it, far smaller than a b-tree
-- entry per row and number. Without the pending list (fastupdate): with it,
-- the insert that fills the list merges it into the index, a stall of its
-- own on the path of a delivery (the audit is committed before the page is
-- sent); each insert here names a few applications, cheap to index at once.
CREATE INDEX feed_delivery_audits_applications ON feed_delivery_audits USING gin (application_numbers) WITH (fastupdate = off);
CREATE INDEX feed_delivery_audits_organization ON feed_delivery_audits (organization_id, audit_id DESC);

CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER feed_delivery_audits_no_update_or_delete
    BEFORE UPDATE OR DELETE ON feed_delivery_audits
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();

CREATE TRIGGER feed_delivery_audits_no_truncate
    BEFORE TRUNCATE ON feed_delivery_audits
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
