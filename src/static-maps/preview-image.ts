/** The size of each chapter's social preview image (static-maps/<chapter>.png in each edition): what pages' og:image tags declare. */
export const previewImageSize = { width: 1200, height: 630 };
