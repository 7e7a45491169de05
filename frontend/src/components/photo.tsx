import type { PhotoUrls } from "@/lib/api-types";

/** The `srcset` of a photo's three sizes, each named by its long side. */
function photoSrcSet(urls: PhotoUrls): string {
  return `${urls["256"]} 256w, ${urls["1024"]} 1024w, ${urls["2048"]} 2048w`;
}

interface PhotoProps {
  urls: PhotoUrls;
  alt: string;
  /** How wide the image is shown, for the browser to pick a size (the `sizes` attribute). */
  sizes: string;
  /**
   * The photo's proportions, so its box is laid out before it loads (no jump); where CSS gives
   * the box a fixed shape (avatars, banners), any will do.
   */
  width: number;
  height: number;
  className?: string;
}

/**
 * A stored photo, loaded when it scrolls near (`loading="lazy"`) in the smallest size that is
 * sharp at the width it is shown. Same-origin URLs: members-only photos load with the login
 * cookie, and the CSP's `img-src 'self'` allows them.
 */
export function Photo({ urls, alt, sizes, width, height, className }: PhotoProps) {
  return (
    <img
      src={urls["1024"]}
      srcSet={photoSrcSet(urls)}
      sizes={sizes}
      width={width}
      height={height}
      loading="lazy"
      decoding="async"
      alt={alt}
      className={className}
    />
  );
}
