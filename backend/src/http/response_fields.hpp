#pragma once

// <utility> before Asio/Beast: Boost 1.74's coroutine support needs it with g++ 12.
#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffers_cat.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/fields.hpp>

#include <string_view>

namespace tmeit::http {

/// The header fields of our responses: Beast's, plus a block of complete header lines that is the
/// same for many responses (the security headers), prebuilt once and written after the other
/// fields. As fields of their own, six headers cost six allocations and six buffers for Beast's
/// serializer to walk on every response, which made them 3.2 % of a /health request; one block
/// costs one buffer.
class ResponseFields : public boost::beast::http::fields {
 public:
  /// `lines`: "Name: value\r\n" lines, written as given; they must outlive the response.
  void set_fixed_lines(std::string_view lines) { fixed_lines_ = lines; }
  std::string_view fixed_lines() const { return fixed_lines_; }

  /// How Beast's serializer writes the header (the Fields concept): the status line, the
  /// fields, the fixed lines, then the empty line that ends the header.
  class writer {
   public:
    using const_buffers_type =
        boost::beast::buffers_cat_view<boost::asio::const_buffer, boost::asio::const_buffer,
                                       boost::asio::const_buffer,
                                       boost::beast::http::fields::writer::field_range,
                                       boost::asio::const_buffer, boost::beast::http::chunk_crlf>;

    writer(const ResponseFields& fields, unsigned version, unsigned status);
    writer(const writer&) = delete;  // the buffers point into this object
    writer& operator=(const writer&) = delete;

    const_buffers_type get() const { return buffers_; }

   private:
    static boost::asio::const_buffer reason_buffer(const ResponseFields& fields, unsigned status);

    char status_line_[13];  // "HTTP/1.1 200 "
    const_buffers_type buffers_;
  };

 private:
  std::string_view fixed_lines_;
};

}  // namespace tmeit::http
