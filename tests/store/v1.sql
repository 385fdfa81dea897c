-- A progress.db of schema version 1 (the first schema), with a little of
-- everything, for the migration test (tests/unit/test_store.c). The schema
-- text is the one store_schema.c creates for version 1; keep them in step.
-- Times: 2025-02-27 (day 20146) and 2025-02-28 (day 20147), UTC.
PRAGMA journal_mode = DELETE;
BEGIN;
CREATE TABLE items(
  item_id TEXT PRIMARY KEY,
  box INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER NOT NULL DEFAULT 0,
  seen INTEGER NOT NULL DEFAULT 0,
  right INTEGER NOT NULL DEFAULT 0,
  wrong INTEGER NOT NULL DEFAULT 0,
  last_at INTEGER NOT NULL DEFAULT 0);
CREATE TABLE reviews(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK(mode IN ('drill','arcade','mock','diagnostic')),
  correct INTEGER NOT NULL,
  answer TEXT NOT NULL,
  ms INTEGER NOT NULL DEFAULT 0,
  box_before INTEGER NOT NULL DEFAULT 0,
  box_after INTEGER NOT NULL DEFAULT 0);
CREATE INDEX reviews_at ON reviews(at);
CREATE INDEX reviews_item ON reviews(item_id);
CREATE TABLE exams(
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  mode TEXT NOT NULL CHECK(mode IN ('drill','arcade','mock','diagnostic')),
  bank TEXT NOT NULL DEFAULT '',
  items INTEGER NOT NULL DEFAULT 0,
  scored INTEGER NOT NULL DEFAULT 0,
  correct_scored INTEGER,
  scaled INTEGER,
  passed INTEGER,
  points INTEGER);
CREATE INDEX exams_mode ON exams(mode, finished_at);
CREATE TABLE exam_items(
  exam_id INTEGER NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  domain TEXT NOT NULL DEFAULT '',
  scored INTEGER NOT NULL DEFAULT 1,
  answer TEXT NOT NULL DEFAULT '',
  correct INTEGER,
  flagged INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(exam_id, position));
CREATE TABLE profile(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);

INSERT INTO items VALUES('q01', 2, 1740873600, 2, 2, 0, 1740700900);
INSERT INTO items VALUES('q02', 1, 1740787200, 2, 1, 1, 1740701000);
INSERT INTO items VALUES('retired-7', 3, 1741000000, 4, 4, 0, 1740701100);

INSERT INTO reviews VALUES(1, 1740618000, 'q01', 'drill', 1, 'A', 5000, 0, 1);
INSERT INTO reviews VALUES(2, 1740618100, 'q02', 'drill', 0, 'B', 7000, 0, 1);
INSERT INTO reviews VALUES(3, 1740700900, 'q01', 'drill', 1, 'A', 4000, 1, 2);
INSERT INTO reviews VALUES(4, 1740701000, 'q02', 'drill', 1, 'A', 3000, 1, 1);
INSERT INTO reviews VALUES(5, 1740701100, 'retired-7', 'drill', 1, 'A', 2000, 2, 3);
INSERT INTO reviews VALUES(6, 1740702000, 'q04', 'mock', 1, 'A', 60000, 0, 0);
INSERT INTO reviews VALUES(7, 1740702000, 'q05', 'mock', 0, 'AB', 90000, 0, 0);

INSERT INTO exams VALUES(1, 1740701500, 1740702000, 'mock', 'TST-01', 2, 2, 1, 400, 0, NULL);
INSERT INTO exams VALUES(2, 1740703000, NULL, 'mock', 'TST-01', 2, 2, NULL, NULL, NULL, NULL);
INSERT INTO exams VALUES(3, 1740704000, 1740704060, 'arcade', 'TST-01', 9, 9, 7, NULL, NULL, 1234);
INSERT INTO exam_items VALUES(1, 0, 'q04', '2', 1, 'A', 1, 0);
INSERT INTO exam_items VALUES(1, 1, 'q05', '2', 1, 'AB', 0, 1);
INSERT INTO exam_items VALUES(2, 0, 'q01', '1', 1, 'A', NULL, 0);
INSERT INTO exam_items VALUES(2, 1, 'q02', '1', 1, '', NULL, 0);

INSERT INTO profile VALUES('xp', 150);
INSERT INTO settings VALUES('daily_goal', '2');
INSERT INTO settings VALUES('exam_date', '2025-04-15');
PRAGMA user_version = 1;
COMMIT;
