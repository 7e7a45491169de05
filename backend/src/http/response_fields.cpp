#include "http/response_fields.hpp"

#include <boost/beast/http/status.hpp>

namespace tmeit::http {
namespace {

/// Writes "HTTP/1.1 200 " (version 11, status 200) into `out`, as Beast's own writer does.
void write_status_line(char (&out)[13], unsigned version, unsigned status) {
  constexpr std::string_view http = "HTTP/";
  http.copy(out, http.size());
  out[5] = static_cast<char>('0' + version / 10);
  out[6] = '.';
  out[7] = static_cast<char>('0' + version % 10);
  out[8] = ' ';
  out[9] = static_cast<char>('0' + status / 100);
  out[10] = static_cast<char>('0' + status / 10 % 10);
  out[11] = static_cast<char>('0' + status % 10);
  out[12] = ' ';
}

}  // namespace

ResponseFields::writer::writer(const ResponseFields& fields, unsigned version, unsigned status)
    : status_line_{},
      buffers_(boost::asio::const_buffer(status_line_, sizeof status_line_),
               reason_buffer(fields, status), boost::asio::const_buffer("\r\n", 2),
               boost::beast::http::fields::writer::field_range(fields.begin(), fields.end()),
               boost::asio::const_buffer(fields.fixed_lines_.data(), fields.fixed_lines_.size()),
               boost::beast::http::chunk_crlf{}) {
  write_status_line(status_line_, version, status);
}

boost::asio::const_buffer ResponseFields::writer::reason_buffer(const ResponseFields& fields,
                                                                unsigned status) {
  // A reason phrase set on the response, else the standard one for the status.
  std::string_view reason = fields.get_reason_impl();
  if (reason.empty()) {
    reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  }
  return {reason.data(), reason.size()};
}

}  // namespace tmeit::http
