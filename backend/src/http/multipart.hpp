#pragma once

#include "http/types.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tmeit::http {

/// The body limit of an upload route (Route::max_body_bytes): a 15 MB file and the form's
/// framing. The session refuses a declared Content-Length over it before reading the body.
inline constexpr std::size_t upload_body_bytes = 15 * 1024 * 1024 + 64 * 1024;

/// What a multipart/form-data body may hold (RFC 7578). The body as a whole is bounded before
/// it is read (Route::max_body_bytes); these bound its parts.
struct MultipartLimits {
  /// The largest file part.
  std::size_t max_file_bytes = 15 * 1024 * 1024;
  /// The largest text field (a caption, a visibility).
  std::size_t max_field_bytes = 4096;
  /// Parts in all: a form of many empty parts is work for nothing.
  std::size_t max_parts = 16;
  /// The header block of one part.
  std::size_t max_part_header_bytes = 4096;
};

/// A file part. Views into the request body: valid while the request lives.
struct MultipartFile {
  std::string field;
  /// As the client sent it: a label for logs, never a path or a hint of the type.
  std::string filename;
  /// As the client sent it; the content decides the type (media::sniff_format), not this.
  std::string content_type;
  std::string_view data;
};

/// A parsed multipart/form-data body: at most one file (the API's uploads take one) and the
/// text fields by name.
struct MultipartForm {
  std::optional<MultipartFile> file;
  std::map<std::string, std::string, std::less<>> fields;
};

/// The boundary of a `Content-Type: multipart/form-data; boundary=...` value. 415 for another
/// media type; 400 when the boundary is missing or not 1 to 70 of RFC 2046's characters.
std::string multipart_boundary(std::string_view content_type);

/// Parses `body` (RFC 7578) with `boundary`. 400 for a body that breaks the format (no first or
/// closing boundary, a part without `Content-Disposition: form-data; name=...`, too many parts,
/// a repeated text field, an oversized part header); 413 for a file over max_file_bytes; 422
/// naming the field for a second file or a text field over max_field_bytes or not UTF-8.
MultipartForm parse_multipart(std::string_view body, std::string_view boundary,
                              const MultipartLimits& limits);

/// multipart_boundary and parse_multipart of a request.
MultipartForm multipart_body(const Request& request, const MultipartLimits& limits);

/// The file of `form` sent as `field`: 422 naming the field when there is none (or it came
/// under another name).
const MultipartFile& required_file(const MultipartForm& form, std::string_view field);

}  // namespace tmeit::http
