CREATE TYPE "public"."article_note_kind" AS ENUM('correction', 'clarification', 'update');--> statement-breakpoint
CREATE TABLE "article_bylines" (
	"article_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "article_bylines_article_id_user_id_pk" PRIMARY KEY("article_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "article_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"kind" "article_note_kind" NOT NULL,
	"body" text NOT NULL,
	"noted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "front_page_picks" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"picked_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "revised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "article_bylines" ADD CONSTRAINT "article_bylines_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_bylines" ADD CONSTRAINT "article_bylines_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_notes" ADD CONSTRAINT "article_notes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_notes" ADD CONSTRAINT "article_notes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_picks" ADD CONSTRAINT "front_page_picks_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_picks" ADD CONSTRAINT "front_page_picks_picked_by_id_users_id_fk" FOREIGN KEY ("picked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_bylines_user_idx" ON "article_bylines" USING btree ("user_id","article_id");--> statement-breakpoint
CREATE INDEX "article_notes_article_idx" ON "article_notes" USING btree ("article_id","noted_at");--> statement-breakpoint
CREATE INDEX "article_notes_corrections_idx" ON "article_notes" USING btree ("noted_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE kind in ('correction', 'clarification');--> statement-breakpoint
INSERT INTO "article_bylines" ("article_id", "user_id", "position") SELECT "id", "author_id", 0 FROM "articles" ON CONFLICT DO NOTHING;
