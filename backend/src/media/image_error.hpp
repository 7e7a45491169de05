#pragma once

#include <stdexcept>
#include <string>

namespace tmeit::media {

/// Why an upload is not a photo we keep. The API maps these to status codes (unsupported_type
/// 415; too_many_pixels and malformed 422), so media needs no HTTP type.
enum class RejectReason { unsupported_type, too_many_pixels, malformed };

/// Thrown for input that is not an acceptable image. The message is safe to show to the user:
/// it names the problem, never the bytes.
class ImageRejected : public std::runtime_error {
 public:
  ImageRejected(RejectReason reason, const std::string& message)
      : std::runtime_error(message), reason_(reason) {}
  RejectReason reason() const { return reason_; }

 private:
  RejectReason reason_;
};

}  // namespace tmeit::media
