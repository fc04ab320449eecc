/** Stories marked `sample: true` carry this tag, so readers can tell invented demo stories from reporting. */
export const SAMPLE_CONTENT_TAG = { name: "Sample content", slug: "sample-content" } as const;
