import { Photo } from "@/components/photo";
import type { Event } from "@/lib/api-types";

/**
 * An event's banner photo, or nothing when it has none. CSS gives it a fixed 2:1 box (cropped to
 * fit), so the card or page does not move when it loads. Decorative: the title is beside it.
 */
export function EventBanner({ event, sizes }: { event: Event; sizes: string }) {
  if (!event.banner) return null;
  return (
    <Photo urls={event.banner} alt="" sizes={sizes} width={2048} height={1024} className="banner" />
  );
}
