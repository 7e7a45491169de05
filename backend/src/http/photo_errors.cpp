#include "http/photo_errors.hpp"

namespace tmeit::http {

ApiError photo_rejection(const media::ImageRejected& rejected) {
  if (rejected.reason() == media::RejectReason::unsupported_type) {
    return ApiError(Status::unsupported_media_type, rejected.what());
  }
  return invalid_field("file", rejected.what());
}

}  // namespace tmeit::http
