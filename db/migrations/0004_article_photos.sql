CREATE TABLE "article_photos" (
	"article_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "article_photos_article_id_media_id_pk" PRIMARY KEY("article_id","media_id")
);
--> statement-breakpoint
ALTER TABLE "article_photos" ADD CONSTRAINT "article_photos_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_photos" ADD CONSTRAINT "article_photos_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_photos_media_idx" ON "article_photos" USING btree ("media_id","article_id");--> statement-breakpoint
-- Stories saved before this table existed: their lead photos, then every <Figure photo="…"> in their bodies.
INSERT INTO "article_photos" ("article_id", "media_id", "is_lead")
SELECT "id", "hero_media_id", true FROM "articles" WHERE "hero_media_id" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "article_photos" ("article_id", "media_id", "is_lead")
SELECT DISTINCT "articles"."id", "media"."id", false
FROM "articles"
CROSS JOIN LATERAL regexp_matches("articles"."body_mdx", '<Figure\s(?:[^>]*\s)?photo="([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"', 'g') AS "found"("groups")
INNER JOIN "media" ON "media"."id" = lower("found"."groups"[1])::uuid
ON CONFLICT DO NOTHING;
