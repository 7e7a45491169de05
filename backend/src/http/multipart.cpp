#include "http/multipart.hpp"

#include "http/errors.hpp"
#include "util/utf8.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <cctype>

namespace tmeit::http {
namespace {

constexpr std::string_view crlf = "\r\n";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// RFC 2046's bchars: what a boundary may be made of (a space, but not at the end).
bool valid_boundary(std::string_view boundary) {
  if (boundary.empty() || boundary.size() > 70 || boundary.back() == ' ') return false;
  return std::all_of(boundary.begin(), boundary.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
  });
}

// A parameter value: a token up to ';', or a quoted string with backslash escapes. Advances
// `rest` past it.
std::string parameter_value(std::string_view& rest) {
  std::string value;
  if (!rest.empty() && rest.front() == '"') {
    std::size_t at = 1;
    for (; at < rest.size() && rest[at] != '"'; ++at) {
      if (rest[at] == '\\' && at + 1 < rest.size()) ++at;
      value += rest[at];
    }
    if (at >= rest.size()) throw BadRequest("multipart: a quoted parameter is not closed");
    rest.remove_prefix(at + 1);
    return value;
  }
  auto end = rest.find(';');
  value = std::string(trim(rest.substr(0, end)));
  rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
  return value;
}

// The parameters after the first ';' of a header value, names lower-cased.
std::map<std::string, std::string> parameters(std::string_view value) {
  std::map<std::string, std::string> out;
  auto semicolon = value.find(';');
  if (semicolon == std::string_view::npos) return out;
  auto rest = value.substr(semicolon + 1);
  while (!(rest = trim(rest)).empty()) {
    auto equals = rest.find('=');
    if (equals == std::string_view::npos) break;
    std::string name(trim(rest.substr(0, equals)));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    rest = trim(rest.substr(equals + 1));
    auto parsed = parameter_value(rest);
    out.emplace(std::move(name), std::move(parsed));
    rest = trim(rest);
    if (!rest.empty() && rest.front() == ';') rest.remove_prefix(1);
  }
  return out;
}

struct PartHeaders {
  std::optional<std::string> name;
  std::optional<std::string> filename;
  std::string content_type;
};

PartHeaders part_headers(std::string_view block) {
  PartHeaders headers;
  bool form_data = false;
  while (!block.empty()) {
    auto end = block.find(crlf);
    auto line = block.substr(0, end);
    block.remove_prefix(end == std::string_view::npos ? block.size() : end + crlf.size());
    auto colon = line.find(':');
    if (colon == std::string_view::npos) throw BadRequest("multipart: a part header has no ':'");
    auto name = trim(line.substr(0, colon));
    auto value = trim(line.substr(colon + 1));
    if (boost::beast::iequals(name, "Content-Disposition")) {
      form_data = boost::beast::iequals(trim(value.substr(0, value.find(';'))), "form-data");
      auto params = parameters(value);
      if (auto it = params.find("name"); it != params.end()) headers.name = it->second;
      if (auto it = params.find("filename"); it != params.end()) headers.filename = it->second;
    } else if (boost::beast::iequals(name, "Content-Type")) {
      headers.content_type = std::string(value);
    }
  }
  if (!form_data || !headers.name) {
    throw BadRequest("multipart: a part has no 'Content-Disposition: form-data; name=...'");
  }
  return headers;
}

void add_part(MultipartForm& form, PartHeaders headers, std::string_view data,
              const MultipartLimits& limits) {
  auto& name = *headers.name;
  // Names and file names end up in JSON (error messages, logs): UTF-8 or nothing.
  if (!util::is_valid_utf8(name) || !util::is_valid_utf8(headers.filename.value_or("")) ||
      !util::is_valid_utf8(headers.content_type)) {
    throw BadRequest("multipart: a part's name, file name or type is not UTF-8");
  }
  if (headers.filename) {
    if (form.file) throw invalid_field(name, "only one file per upload", "body");
    if (data.size() > limits.max_file_bytes) {
      throw ApiError(Status::payload_too_large,
                     name + ": the file is larger than " +
                         std::to_string(limits.max_file_bytes / (1024 * 1024)) + " MB");
    }
    form.file =
        MultipartFile{name, std::move(*headers.filename), std::move(headers.content_type), data};
    return;
  }
  if (data.size() > limits.max_field_bytes) {
    throw invalid_field(name,
                        "is longer than " + std::to_string(limits.max_field_bytes) + " bytes");
  }
  if (!util::is_valid_utf8(data)) throw invalid_field(name, "is not valid UTF-8");
  if (!form.fields.emplace(name, std::string(data)).second) {
    throw BadRequest("multipart: the field '" + name + "' is repeated");
  }
}

}  // namespace

std::string multipart_boundary(std::string_view content_type) {
  auto type = trim(content_type.substr(0, content_type.find(';')));
  if (!boost::beast::iequals(type, "multipart/form-data")) {
    throw ApiError(Status::unsupported_media_type, "the body must be multipart/form-data");
  }
  auto params = parameters(content_type);
  auto it = params.find("boundary");
  if (it == params.end() || !valid_boundary(it->second)) {
    throw BadRequest("multipart/form-data needs a boundary parameter of 1 to 70 characters");
  }
  return it->second;
}

MultipartForm parse_multipart(std::string_view body, std::string_view boundary,
                              const MultipartLimits& limits) {
  std::string delimiter = "\r\n--" + std::string(boundary);
  // The first boundary may open the body or follow a preamble; a leading CRLF is implied.
  auto at = body.substr(0, delimiter.size() - 2) == std::string_view(delimiter).substr(2)
                ? std::size_t{0}
                : body.find(delimiter);
  if (at == std::string_view::npos) throw BadRequest("multipart: the body has no boundary");
  at += at == 0 ? delimiter.size() - 2 : delimiter.size();
  MultipartForm form;
  for (std::size_t parts = 0;; ++parts) {
    if (body.substr(at, 2) == "--") return form;  // the closing boundary
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != crlf) throw BadRequest("multipart: a boundary line is malformed");
    at += 2;
    if (parts == limits.max_parts) throw BadRequest("multipart: too many parts");
    auto next = body.find(delimiter, at);
    if (next == std::string_view::npos) {
      throw BadRequest("multipart: the body ends before its closing boundary");
    }
    auto part = body.substr(at, next - at);
    // The header block ends at an empty line; a part with no header starts with one.
    auto blank = part.substr(0, 2) == crlf ? std::size_t{0} : part.find("\r\n\r\n");
    if (blank == std::string_view::npos) throw BadRequest("multipart: a part has no header end");
    if (blank > limits.max_part_header_bytes)
      throw BadRequest("multipart: a part header is too long");
    auto data = part.substr(blank == 0 ? 2 : blank + 4);
    add_part(form, part_headers(part.substr(0, blank)), data, limits);
    at = next + delimiter.size();
  }
}

MultipartForm multipart_body(const Request& request, const MultipartLimits& limits) {
  auto boundary = multipart_boundary(request[bhttp::field::content_type]);
  return parse_multipart(request.body(), boundary, limits);
}

const MultipartFile& required_file(const MultipartForm& form, std::string_view field) {
  if (!form.file || form.file->field != field) {
    throw invalid_field(std::string(field), "a file is required", "body");
  }
  return *form.file;
}

}  // namespace tmeit::http
