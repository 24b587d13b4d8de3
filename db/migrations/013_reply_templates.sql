-- Reply templates: generic phrases admins write for staff answering
-- reporters ("Thank you, we have received your report…"), one language
-- each. Stored in clear: staff read them in every channel, so they must not
-- hold case details (the admin form says so); they are not report content.
CREATE TABLE reply_templates (
  id INTEGER PRIMARY KEY,
  language TEXT NOT NULL CHECK (language IN ('zh-hant', 'zh-hans', 'en')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by INTEGER REFERENCES staff (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX reply_templates_by_language ON reply_templates (language, title, id);
