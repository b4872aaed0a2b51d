-- Test data: two users whose password hashes were made by real Werkzeug 2.2 (see werkzeug.json;
-- passwords "test" and "other"), and one post by "test".
INSERT INTO user (username, password)
VALUES
  ('test', 'pbkdf2:sha256:260000$ufQAZ9dhddtDksrL$4afe5b554fcb73ee12a685550a0192650744ff59ec0aca1eb4f899ba3dab9694'),
  ('other', 'pbkdf2:sha256:50000$FMeMMpwY$9ef2885c5c76b63c000566f4288d59349eb3a5b6870cb975fb19dbd944a4be1e');

INSERT INTO post (title, body, author_id, created)
VALUES
  ('test title', 'test' || char(10) || 'body', 1, '2018-01-01 00:00:00');
