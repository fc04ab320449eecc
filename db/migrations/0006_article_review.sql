CREATE TYPE "public"."article_review_state" AS ENUM('none', 'ready', 'returned');--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "review_state" "article_review_state" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "review_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "reviewed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_review_queue_idx" ON "articles" USING btree ("review_requested_at") WHERE review_state = 'ready' and deleted_at is null;