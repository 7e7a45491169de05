#pragma once

#include <string_view>

namespace tmeit::util {

/// How a file type is served: its Content-Type and whether compressing it pays off.
struct MimeType {
  std::string_view content_type;
  bool compressible;
};

/// The MIME type of a file by its extension (case-insensitive); text types carry
/// `charset=utf-8`. Unknown extensions are `application/octet-stream`, not compressible.
MimeType mime_type_for(std::string_view file_name);

}  // namespace tmeit::util
