-- Reference consent and audit service, schema v1. Shared by PGlite and PostgreSQL 15.

CREATE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END
$$;

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,            -- sha256 hex of the secret; the secret is never stored
  role text NOT NULL CHECK (role IN ('reader', 'admin', 'compliance')),
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- A person, whatever identifiers point at them.
CREATE TABLE subjects (
  id bigserial PRIMARY KEY,
  external_id text UNIQUE,                     -- the consent platform's id, when given
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subject_records (
  crm text NOT NULL,
  object_type text NOT NULL,
  record_id text NOT NULL,
  subject_id bigint NOT NULL REFERENCES subjects (id),
  PRIMARY KEY (crm, object_type, record_id)
);
CREATE INDEX subject_records_subject ON subject_records (subject_id);

CREATE TABLE subject_emails (
  email_sha256 text PRIMARY KEY CHECK (email_sha256 ~ '^[0-9a-f]{64}$'),
  subject_id bigint NOT NULL REFERENCES subjects (id)
);
CREATE INDEX subject_emails_subject ON subject_emails (subject_id);

CREATE TABLE consent_imports (
  id bigserial PRIMARY KEY,
  format text NOT NULL CHECK (format IN ('json', 'ndjson', 'csv', 'seed')),
  row_count integer NOT NULL,
  token_id text,
  imported_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only history; the current state is derived at read time.
CREATE TABLE consent_events (
  id bigserial PRIMARY KEY,
  subject_id bigint NOT NULL REFERENCES subjects (id),
  import_id bigint NOT NULL REFERENCES consent_imports (id),
  event_id text UNIQUE,
  type text NOT NULL CHECK (type IN ('consent', 'erasure_requested', 'restriction', 'restriction_lifted', 'objection', 'objection_withdrawn')),
  purpose text,
  channel text,
  status text CHECK (status IN ('granted', 'denied', 'withdrawn', 'pending')),
  lawful_basis text CHECK (lawful_basis IN ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests')),
  occurred_at timestamptz NOT NULL,
  source text,
  expires_at timestamptz,
  notice_version text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'consent') = (purpose IS NOT NULL AND channel IS NOT NULL AND status IS NOT NULL AND lawful_basis IS NOT NULL))
);
CREATE INDEX consent_events_subject ON consent_events (subject_id, occurred_at, id);
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- The central audit log: valid entries, one per id and per (device, seq).
CREATE TABLE audit_entries (
  id text PRIMARY KEY,
  device_id text NOT NULL,
  seq bigint NOT NULL,
  time timestamptz NOT NULL,
  type text NOT NULL,
  user_name text NOT NULL,
  crm text,
  object_type text,
  record_id text,
  host text,
  ext_version text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, seq)
);
CREATE INDEX audit_entries_time ON audit_entries (time DESC, id DESC);
CREATE INDEX audit_entries_record ON audit_entries (crm, object_type, record_id, time);
CREATE INDEX audit_entries_user ON audit_entries (user_name, time);
CREATE INDEX audit_entries_type ON audit_entries (type, time);
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- Entries that do not fit the chain, kept as received for the integrity view.
CREATE TABLE audit_flagged (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL,
  seq bigint NOT NULL,
  entry_id text NOT NULL,
  hash text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('rewrite', 'bad_hash', 'broken_link')),
  entry jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, entry_id, hash, reason)
);
CREATE INDEX audit_flagged_device ON audit_flagged (device_id, id DESC);
CREATE TRIGGER audit_flagged_append_only BEFORE UPDATE OR DELETE ON audit_flagged
  FOR EACH ROW EXECUTE FUNCTION reject_change();

CREATE TABLE audit_devices (
  device_id text PRIMARY KEY,
  entries integer NOT NULL DEFAULT 0,
  head_seq bigint NOT NULL DEFAULT 0,
  head_hash text NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
  first_seq bigint,
  anchored boolean NOT NULL DEFAULT false,
  rewrites integer NOT NULL DEFAULT 0,
  bad_hashes integer NOT NULL DEFAULT 0,
  broken_links integer NOT NULL DEFAULT 0,
  last_received_at timestamptz
);

-- Every read of the audit log by compliance staff.
CREATE TABLE compliance_reads (
  id bigserial PRIMARY KEY,
  token_id text NOT NULL,
  route text NOT NULL,
  params jsonb NOT NULL,
  result_count integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER compliance_reads_append_only BEFORE UPDATE OR DELETE ON compliance_reads
  FOR EACH ROW EXECUTE FUNCTION reject_change();
