#pragma once

#include "http/errors.hpp"
#include "media/image_error.hpp"

namespace tmeit::http {

/// The API error for an upload media/ refused: 415 for a type we do not accept, 422 naming the
/// field `file` for too many pixels or a damaged file. The message is media's, which names the
/// problem and never echoes the bytes.
ApiError photo_rejection(const media::ImageRejected& rejected);

}  // namespace tmeit::http
