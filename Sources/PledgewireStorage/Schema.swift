import GRDB

/// The SQLite schema, as versioned migrations applied at start-up. Never edit a shipped migration; add one.
///
/// v1 stored actors and pledges whole as their protobuf encoding; v2 (``LedgerMigration``) gives every table
/// its own columns and ids that are never reused; v3 adds the review queue of extracted candidates; v4 access tokens.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: """
        CREATE TABLE actor (
          id INTEGER PRIMARY KEY,
          kind INTEGER NOT NULL,
          sort_name TEXT NOT NULL,
          version INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX actor_by_name ON actor(sort_name, id);
        CREATE INDEX actor_by_kind_name ON actor(kind, sort_name, id);

        -- Canonical names and aliases, folded, for Resolve and name-prefix lists.
        CREATE TABLE actor_name (
          id INTEGER PRIMARY KEY,
          actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          folded TEXT NOT NULL,
          is_canonical INTEGER NOT NULL
        );
        CREATE INDEX actor_name_by_folded ON actor_name(folded, actor_id);
        CREATE INDEX actor_name_by_actor ON actor_name(actor_id);

        -- The first three letters of every word of every name: candidates for fuzzy resolution.
        CREATE TABLE actor_token (
          prefix TEXT NOT NULL,
          name_id INTEGER NOT NULL REFERENCES actor_name(id) ON DELETE CASCADE
        );
        CREATE INDEX actor_token_by_prefix ON actor_token(prefix, name_id);
        CREATE INDEX actor_token_by_name ON actor_token(name_id);

        CREATE TABLE affiliation (
          actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
          related_id INTEGER NOT NULL REFERENCES actor(id),
          kind INTEGER NOT NULL,
          PRIMARY KEY (actor_id, related_id, kind)
        ) WITHOUT ROWID;
        CREATE INDEX affiliation_by_related ON affiliation(related_id, kind, actor_id);

        CREATE TABLE article (
          id INTEGER PRIMARY KEY,
          canonical_url TEXT NOT NULL UNIQUE,
          outlet TEXT NOT NULL,
          published_at INTEGER NOT NULL,
          title TEXT NOT NULL,
          body TEXT NOT NULL,
          meta BLOB NOT NULL
        );
        CREATE INDEX article_by_published ON article(published_at, id);
        CREATE INDEX article_by_outlet_published ON article(outlet, published_at, id);

        CREATE TABLE mention (
          article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
          actor_id INTEGER NOT NULL REFERENCES actor(id)
        );
        CREATE INDEX mention_by_actor ON mention(actor_id, article_id);
        CREATE INDEX mention_by_article ON mention(article_id);

        CREATE VIRTUAL TABLE article_fts USING fts5(
          title, body, content='article', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
          INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
          INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        END;

        CREATE TABLE pledge (
          id INTEGER PRIMARY KEY,
          category INTEGER NOT NULL,
          status INTEGER NOT NULL,
          made_at INTEGER NOT NULL,
          conditional INTEGER NOT NULL,
          version INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        CREATE INDEX pledge_by_made ON pledge(made_at, id);
        CREATE INDEX pledge_by_status_made ON pledge(status, made_at, id);
        CREATE INDEX pledge_by_category_made ON pledge(category, made_at, id);

        CREATE TABLE party (
          pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
          actor_id INTEGER NOT NULL REFERENCES actor(id),
          role INTEGER NOT NULL,
          PRIMARY KEY (pledge_id, actor_id, role)
        ) WITHOUT ROWID;
        CREATE INDEX party_by_actor ON party(actor_id, role, pledge_id);

        CREATE TABLE evidence (
          id INTEGER PRIMARY KEY,
          pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
          article_id INTEGER NOT NULL REFERENCES article(id)
        );
        CREATE INDEX evidence_by_article ON evidence(article_id, pledge_id);
        CREATE INDEX evidence_by_pledge ON evidence(pledge_id);

        -- Every pledge change, with the pledge as it was after it: Watch replays from here.
        CREATE TABLE pledge_event (
          sequence INTEGER PRIMARY KEY AUTOINCREMENT,
          pledge_id INTEGER NOT NULL,
          kind INTEGER NOT NULL,
          at INTEGER NOT NULL,
          data BLOB NOT NULL
        );
        """)
    }
    migrator.registerMigration("v2-ledger") { db in
      try LedgerMigration.migrate(db)
    }
    // The review queue: candidate pledges the extractor found in an article, until a person accepts or rejects them.
    migrator.registerMigration("v3-candidates") { db in
      try db.execute(sql: """
        CREATE TABLE candidate (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          state INTEGER NOT NULL,
          confidence REAL NOT NULL,
          quote TEXT NOT NULL,
          range_start INTEGER NOT NULL,
          range_end INTEGER NOT NULL,
          extractor TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          version INTEGER NOT NULL,
          pledge_id INTEGER REFERENCES pledge(id) ON DELETE SET NULL,
          attached INTEGER NOT NULL,
          rejection_reason INTEGER NOT NULL,
          rejection_note TEXT NOT NULL,
          reviewed_by TEXT NOT NULL,
          reviewed_at INTEGER NOT NULL,
          -- The rest of the candidate (parties, action, figures, rules) as its protobuf encoding.
          extra BLOB
        );
        CREATE INDEX candidate_by_article ON candidate(article_id, id);
        CREATE INDEX candidate_by_state ON candidate(state, id);
        CREATE INDEX candidate_by_pledge ON candidate(pledge_id) WHERE pledge_id IS NOT NULL;
        """)
    }
    migrator.registerMigration("v4-tokens") { db in
      // Access tokens: only the SHA-256 of each token is kept.
      try db.execute(sql: """
        CREATE TABLE access_token (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL UNIQUE,
          role TEXT NOT NULL,
          hash TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL,
          last_used_at INTEGER NOT NULL DEFAULT 0,
          expires_at INTEGER NOT NULL DEFAULT 0,
          revoked_at INTEGER NOT NULL DEFAULT 0
        );
        """)
    }
    return migrator
  }
}
