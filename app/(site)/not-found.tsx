import { StoryNotFound } from "@/components/story-not-found";

export default function SiteNotFound() {
  return <StoryNotFound />;
}
