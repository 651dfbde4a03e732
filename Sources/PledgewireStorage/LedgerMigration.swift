import Foundation
import GRDB
import PledgewireWire

/// Schema v2, the ledger: one table per record type with its fields in columns (a blob, `extra`, keeps only what
/// nothing queries and the fields a newer build wrote), ids that are never reused (AUTOINCREMENT), labels, links
/// between pledges, tombstones of merges, and the audit log. It copies every v1 row, splitting the whole-record
/// blobs of actors, articles and pledges into the new tables and keeping every id.
///
/// GRDB runs a migration in one transaction with foreign keys off and checks them before it commits.
enum LedgerMigration {
  static let v1Tables = ["actor", "actor_name", "actor_token", "affiliation", "article", "mention", "pledge", "party", "evidence"]

  static func migrate(_ db: Database) throws {
    try db.execute(sql: """
      DROP TRIGGER article_fts_insert;
      DROP TRIGGER article_fts_delete;
      DROP TABLE article_fts;
      """)
    for table in v1Tables {
      try db.execute(sql: "ALTER TABLE \(table) RENAME TO v1_\(table)")
    }
    try db.execute(sql: tables)
    try copyActors(db)
    try copyArticles(db)
    try copyPledges(db)
    for table in v1Tables.reversed() {
      try db.execute(sql: "DROP TABLE v1_\(table)")
    }
    try db.execute(sql: indexes)
    try db.execute(sql: "INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
  }

  private static func copyActors(_ db: Database) throws {
    let rows = try Row.fetchCursor(db, sql: "SELECT id, data FROM v1_actor ORDER BY id")
    while let row = try rows.next() {
      var actor = try StoredMessage.decode(Actor.self, row["data"], empty: Actor())
      actor.id = row["id"]
      _ = try ActorRows.insert(actor, db)
    }
  }

  private static func copyArticles(_ db: Database) throws {
    let rows = try Row.fetchCursor(db, sql: "SELECT id, canonical_url, body, meta FROM v1_article ORDER BY id")
    while let row = try rows.next() {
      var article = try StoredMessage.decode(Article.self, row["meta"], empty: Article())
      article.id = row["id"]
      article.canonicalURL = row["canonical_url"]
      article.submittedURL = article.canonicalURL
      article.body = row["body"]
      _ = try ArticleRows.insert(article, db)
    }
  }

  private static func copyPledges(_ db: Database) throws {
    let rows = try Row.fetchCursor(db, sql: "SELECT id, data FROM v1_pledge ORDER BY id")
    while let row = try rows.next() {
      var pledge = try StoredMessage.decode(Pledge.self, row["data"], empty: Pledge())
      pledge.id = row["id"]
      if pledge.madePrecision == .unspecified && pledge.madeAtMs == 0 {
        pledge.madePrecision = .unknown
      }
      _ = try PledgeRows.insert(pledge, nil, db)
    }
  }

  static let tables = """
    CREATE TABLE actor (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind INTEGER NOT NULL,
      canonical_name TEXT NOT NULL,
      sort_name TEXT NOT NULL,
      role TEXT NOT NULL,
      country_code TEXT NOT NULL,
      description TEXT NOT NULL,
      version INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      merged_into_id INTEGER REFERENCES actor(id),
      extra BLOB
    );
    -- Names of live actors: position 0 is the canonical name, then the aliases in order.
    CREATE TABLE actor_name (
      id INTEGER PRIMARY KEY,
      actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      folded TEXT NOT NULL,
      is_canonical INTEGER NOT NULL
    );
    -- The first three letters of every word of every name: candidates for fuzzy resolution.
    CREATE TABLE actor_token (
      prefix TEXT NOT NULL,
      name_id INTEGER NOT NULL REFERENCES actor_name(id) ON DELETE CASCADE
    );
    CREATE TABLE affiliation (
      actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
      related_id INTEGER NOT NULL REFERENCES actor(id),
      kind INTEGER NOT NULL,
      position INTEGER NOT NULL,
      extra BLOB,
      PRIMARY KEY (actor_id, related_id, kind)
    ) WITHOUT ROWID;
    CREATE TABLE actor_label (
      actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (actor_id, label)
    ) WITHOUT ROWID;

    CREATE TABLE article (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      canonical_url TEXT NOT NULL,
      submitted_url TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      title TEXT NOT NULL,
      outlet TEXT NOT NULL,
      byline TEXT NOT NULL,
      language TEXT NOT NULL,
      published_at INTEGER NOT NULL,
      dateline TEXT NOT NULL,
      body TEXT NOT NULL,
      ingested_at INTEGER NOT NULL,
      extra BLOB
    );
    CREATE TABLE mention (
      article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      actor_id INTEGER NOT NULL REFERENCES actor(id),
      range_start INTEGER NOT NULL,
      range_end INTEGER NOT NULL,
      surface_text TEXT NOT NULL,
      confidence REAL NOT NULL,
      extra BLOB,
      PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE article_label (
      article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (article_id, label)
    ) WITHOUT ROWID;

    CREATE TABLE pledge (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      version INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      status INTEGER NOT NULL,
      category INTEGER NOT NULL,
      modality INTEGER NOT NULL,
      action TEXT NOT NULL,
      note TEXT NOT NULL,
      made_at INTEGER NOT NULL,
      made_precision INTEGER NOT NULL,
      due_at INTEGER NOT NULL,
      due_precision INTEGER NOT NULL,
      due_by INTEGER,
      condition_text TEXT,
      condition_state INTEGER NOT NULL,
      condition_evidence_id INTEGER,
      condition_changed_at INTEGER NOT NULL,
      makers_incomplete INTEGER NOT NULL,
      part_of_id INTEGER REFERENCES pledge(id),
      supersedes_id INTEGER REFERENCES pledge(id),
      merged_into_id INTEGER REFERENCES pledge(id),
      extra BLOB,
      -- The whole pledge as the rows make it, for reads; rewritten after every write.
      snapshot BLOB,
      snapshot_format INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE party (
      pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
      actor_id INTEGER NOT NULL REFERENCES actor(id),
      role INTEGER NOT NULL,
      position INTEGER NOT NULL,
      opted_out INTEGER NOT NULL,
      opt_out_evidence_id INTEGER,
      extra BLOB,
      PRIMARY KEY (pledge_id, actor_id, role)
    ) WITHOUT ROWID;
    CREATE TABLE evidence (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES article(id),
      quote TEXT NOT NULL,
      range_start INTEGER NOT NULL,
      range_end INTEGER NOT NULL,
      stance INTEGER NOT NULL,
      added_at INTEGER NOT NULL,
      added_by TEXT NOT NULL,
      party_actor_id INTEGER REFERENCES actor(id),
      note TEXT NOT NULL,
      extra BLOB
    );
    CREATE TABLE status_change (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
      from_status INTEGER NOT NULL,
      to_status INTEGER NOT NULL,
      at INTEGER NOT NULL,
      evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
      note TEXT NOT NULL,
      reopened INTEGER NOT NULL,
      changed_by TEXT NOT NULL,
      recorded_at INTEGER NOT NULL,
      extra BLOB
    );
    CREATE TABLE pledge_label (
      pledge_id INTEGER NOT NULL REFERENCES pledge(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (pledge_id, label)
    ) WITHOUT ROWID;

    -- Every write, per record.
    CREATE TABLE audit_entry (
      sequence INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      principal TEXT NOT NULL,
      method TEXT NOT NULL,
      record_type INTEGER NOT NULL,
      record_id INTEGER NOT NULL,
      version_before INTEGER NOT NULL,
      version_after INTEGER NOT NULL,
      summary TEXT NOT NULL,
      peer TEXT NOT NULL
    );
    """

  static let indexes = """
    CREATE INDEX actor_by_name ON actor(sort_name, id);
    CREATE INDEX actor_by_kind_name ON actor(kind, sort_name, id);
    CREATE INDEX actor_by_merged_into ON actor(merged_into_id) WHERE merged_into_id IS NOT NULL;
    CREATE INDEX actor_name_by_folded ON actor_name(folded, actor_id);
    CREATE INDEX actor_name_by_actor ON actor_name(actor_id, position);
    CREATE INDEX actor_token_by_prefix ON actor_token(prefix, name_id);
    CREATE INDEX actor_token_by_name ON actor_token(name_id);
    CREATE INDEX affiliation_by_related ON affiliation(related_id, kind, actor_id);
    CREATE INDEX actor_label_by_label ON actor_label(label, actor_id);

    CREATE UNIQUE INDEX article_by_url ON article(canonical_url);
    CREATE INDEX article_by_hash ON article(content_hash);
    CREATE INDEX article_by_published ON article(published_at, id);
    CREATE INDEX article_by_outlet_published ON article(outlet, published_at, id);
    CREATE INDEX mention_by_actor ON mention(actor_id, article_id);
    CREATE INDEX article_label_by_label ON article_label(label, article_id);
    CREATE VIRTUAL TABLE article_fts USING fts5(
      title, body, content='article', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
      INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
      INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END;

    CREATE INDEX pledge_by_made ON pledge(made_at, id);
    CREATE INDEX pledge_by_status_made ON pledge(status, made_at, id);
    CREATE INDEX pledge_by_category_made ON pledge(category, made_at, id);
    CREATE INDEX pledge_by_due ON pledge(due_by) WHERE due_by IS NOT NULL;
    CREATE INDEX pledge_by_part_of ON pledge(part_of_id) WHERE part_of_id IS NOT NULL;
    CREATE INDEX pledge_by_supersedes ON pledge(supersedes_id) WHERE supersedes_id IS NOT NULL;
    CREATE INDEX pledge_by_merged_into ON pledge(merged_into_id) WHERE merged_into_id IS NOT NULL;
    CREATE INDEX party_by_actor ON party(actor_id, role, pledge_id);
    CREATE INDEX evidence_by_article ON evidence(article_id, pledge_id);
    CREATE INDEX evidence_by_pledge ON evidence(pledge_id, id);
    CREATE INDEX evidence_by_party ON evidence(party_actor_id) WHERE party_actor_id IS NOT NULL;
    CREATE INDEX status_change_by_pledge ON status_change(pledge_id, id);
    CREATE INDEX status_change_by_evidence ON status_change(evidence_id) WHERE evidence_id IS NOT NULL;
    CREATE INDEX pledge_label_by_label ON pledge_label(label, pledge_id);

    CREATE INDEX audit_by_record ON audit_entry(record_type, record_id, sequence);
    CREATE INDEX audit_by_principal ON audit_entry(principal, sequence);
    CREATE INDEX audit_by_at ON audit_entry(at, sequence);
    """
}
