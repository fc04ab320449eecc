import { SiteShell } from "@/components/site-shell";
import { StoryNotFound } from "@/components/story-not-found";

export default function NotFound() {
  return (
    <SiteShell>
      <StoryNotFound />
    </SiteShell>
  );
}
