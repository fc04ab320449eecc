/** What a Figure needs from a library photo: its id, its pixels, its text and its camera. */
export type FigurePhoto = {
  id: string;
  width: number;
  height: number;
  caption: string;
  altText: string;
  camera: string | null;
};

/** A Figure's attributes, in the order the source view has always shown them. */
export function figureProps(photo: FigurePhoto): Record<string, string> {
  return {
    photo: photo.id,
    width: String(photo.width),
    height: String(photo.height),
    caption: photo.caption,
    alt: photo.altText,
    ...(photo.camera ? { camera: photo.camera } : {}),
  };
}
