#pragma once

#include <optional>
#include <string_view>

namespace tmeit::media {

/// The image formats we accept from uploads.
enum class ImageFormat { jpeg, png, webp, heic };

/// The format of `bytes`, recognised by its magic bytes alone (never by a file name or a
/// Content-Type): JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (RIFF....WEBP) or HEIC (an
/// ISO-BMFF `ftyp` box naming a HEIF/HEVC brand). nullopt for anything else, including GIF,
/// SVG, PDF, ZIP and AVIF.
std::optional<ImageFormat> sniff_format(std::string_view bytes);

/// A short name for what a refused upload looks like ("GIF", "SVG", "PDF", "ZIP", "AVIF",
/// "empty" or "unknown"), for the 415 message.
std::string_view describe_refused(std::string_view bytes);

/// The format's name for messages: "JPEG", "PNG", "WebP", "HEIC".
std::string_view format_name(ImageFormat format);

}  // namespace tmeit::media
