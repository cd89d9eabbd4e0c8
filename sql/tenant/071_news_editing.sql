-- Actualités written by staff: when an item last changed (the Atom feed's <updated>).
ALTER TABLE news_items ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX news_items_pinned ON news_items (pinned DESC, published_on DESC, id DESC);
