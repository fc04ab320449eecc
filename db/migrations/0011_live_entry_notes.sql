ALTER TABLE "article_notes" ADD COLUMN "live_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "live_entries" ADD COLUMN "body_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "article_notes" ADD CONSTRAINT "article_notes_live_entry_id_live_entries_id_fk" FOREIGN KEY ("live_entry_id") REFERENCES "public"."live_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_notes_live_entry_idx" ON "article_notes" USING btree ("live_entry_id") WHERE live_entry_id is not null;--> statement-breakpoint
-- Entries posted before their photos were stored with them: the start-up rebuild fills the list in.
UPDATE "live_entries" SET "model_version" = NULL;
