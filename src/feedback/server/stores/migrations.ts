/**
 * Schema migrations for both stores, applied on start and recorded in `schema_version`.
 * Append only: never edit a released step. Step 2 adds `search_events`, which shares `event_ids`
 * with votes and holds no visitor data; step 3 says where each search came from and, for ticket
 * forms, whether the form was submitted.
 */
export interface Migration {
  version: number;
  description: string;
  sqlite: string;
  /** `{schema}` is replaced by the quoted schema name. */
  postgres: string;
}

const REASONS_CHECK = "reason IS NULL OR reason IN ('incorrect', 'hard-to-follow', 'did-not-answer', 'other')";

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'votes, shared event ids, daily salts',
    sqlite: `
      CREATE TABLE votes (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        visitor_hash TEXT NOT NULL,
        day TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        reason TEXT CHECK (${REASONS_CHECK}),
        comment TEXT,
        page_path TEXT NOT NULL,
        language TEXT NOT NULL,
        revision TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (item_id, visitor_hash, day)
      );
      CREATE INDEX votes_event_id ON votes (event_id);
      CREATE INDEX votes_updated_at ON votes (updated_at);
      CREATE TABLE event_ids (
        event_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX event_ids_received_at ON event_ids (received_at);
      CREATE TABLE salts (
        day TEXT PRIMARY KEY,
        salt TEXT NOT NULL
      );`,
    postgres: `
      CREATE TABLE {schema}.votes (
        id BIGSERIAL PRIMARY KEY,
        event_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        visitor_hash TEXT NOT NULL,
        day TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        reason TEXT CHECK (${REASONS_CHECK}),
        comment TEXT,
        page_path TEXT NOT NULL,
        language TEXT NOT NULL,
        revision TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        UNIQUE (item_id, visitor_hash, day)
      );
      CREATE INDEX votes_event_id ON {schema}.votes (event_id);
      CREATE INDEX votes_updated_at ON {schema}.votes (updated_at);
      CREATE TABLE {schema}.event_ids (
        event_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        received_at BIGINT NOT NULL
      );
      CREATE INDEX event_ids_received_at ON {schema}.event_ids (received_at);
      CREATE TABLE {schema}.salts (
        day TEXT PRIMARY KEY,
        salt TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    description: 'search events (site setting searchInsights)',
    sqlite: `
      CREATE TABLE search_events (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        day TEXT NOT NULL,
        query TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 200),
        result_count INTEGER NOT NULL CHECK (result_count BETWEEN 0 AND 10000),
        opened TEXT CHECK (opened IS NULL OR (substr(opened, 1, 1) = '/' AND length(opened) <= 300)),
        contact INTEGER NOT NULL CHECK (contact IN (0, 1)),
        refined_from TEXT CHECK (refined_from IS NULL OR length(refined_from) BETWEEN 1 AND 200),
        language TEXT NOT NULL,
        revision TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX search_events_received_at ON search_events (received_at);`,
    postgres: `
      CREATE TABLE {schema}.search_events (
        id BIGSERIAL PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        day TEXT NOT NULL,
        query TEXT NOT NULL CHECK (char_length(query) BETWEEN 1 AND 200),
        result_count INTEGER NOT NULL CHECK (result_count BETWEEN 0 AND 10000),
        opened TEXT CHECK (opened IS NULL OR (left(opened, 1) = '/' AND char_length(opened) <= 300)),
        contact BOOLEAN NOT NULL,
        refined_from TEXT CHECK (refined_from IS NULL OR char_length(refined_from) BETWEEN 1 AND 200),
        language TEXT NOT NULL,
        revision TEXT NOT NULL,
        received_at BIGINT NOT NULL
      );
      CREATE INDEX search_events_received_at ON {schema}.search_events (received_at);`,
  },
  {
    version: 3,
    description: 'search event channel (help center, in-product widget, ticket form, assistant) and form outcome',
    sqlite: `
      ALTER TABLE search_events ADD COLUMN channel TEXT NOT NULL DEFAULT 'site'
        CHECK (channel IN ('site', 'widget', 'form', 'assistant'));
      ALTER TABLE search_events ADD COLUMN form_submitted INTEGER CHECK (form_submitted IS NULL OR form_submitted IN (0, 1));`,
    postgres: `
      ALTER TABLE {schema}.search_events ADD COLUMN channel TEXT NOT NULL DEFAULT 'site'
        CHECK (channel IN ('site', 'widget', 'form', 'assistant'));
      ALTER TABLE {schema}.search_events ADD COLUMN form_submitted BOOLEAN;`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
