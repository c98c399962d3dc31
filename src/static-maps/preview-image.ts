/** Where each chapter's social preview image is published, and its size: what pages' og:image tags point at. */
export const previewImageSize = { width: 1200, height: 630 };

export function previewImagePath(chapterId: string): string {
  return `${import.meta.env.BASE_URL}static-maps/${chapterId}.png`;
}
