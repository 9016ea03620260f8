-- The national registry's rejections of exported lines, recorded against their
-- application by the national exchange job (NationalExchangeService). A
-- rejection is not a change of the application (no revision, no feed change):
-- it stays open until the national side acknowledges a later revision.

CREATE TABLE national_rejections (
    rejection_id        uuid PRIMARY KEY,
    application_number  text NOT NULL REFERENCES applications (number),
    national_type       text NOT NULL CHECK (national_type IN ('CRE', 'MOD', 'REN', 'RAD', 'SUP')),
    control_code        text NOT NULL,
    message             text NOT NULL,
    rejected_revision   bigint NOT NULL CHECK (rejected_revision > 0),
    export_file         text NOT NULL,
    line_number         bigint NOT NULL,
    return_file         text NOT NULL,
    recorded_at         timestamptz NOT NULL,
    resolved_revision   bigint,
    resolved_at         timestamptz,
    CHECK ((resolved_at IS NULL) = (resolved_revision IS NULL)),
    -- One rejection per exported line: a return file applied again (even with
    -- other request ids) finds the line already recorded.
    UNIQUE (export_file, line_number)
);

CREATE INDEX national_rejections_by_application ON national_rejections (application_number, rejection_id);
CREATE INDEX national_rejections_open ON national_rejections (application_number, rejection_id) WHERE resolved_at IS NULL;
