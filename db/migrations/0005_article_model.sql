-- Stories stored before this migration get their model at the next start (db/article-models.ts): the feed HTML is
-- built by JavaScript, so SQL alone cannot fill it.
ALTER TABLE "articles" ADD COLUMN "body_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "feed_body" jsonb;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "model_version" integer;