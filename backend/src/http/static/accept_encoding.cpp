#include "http/static/accept_encoding.hpp"

#include "util/text.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>

namespace tmeit::http::static_assets {
namespace {

using boost::beast::iequals;

/// A qvalue as thousandths ("0.5" → 500); nullopt when malformed (RFC 9110 §12.4.2).
std::optional<int> parse_qvalue(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  int value = (text[0] - '0') * 1000;
  if (text.size() == 1) return value;
  if (text[1] != '.' || text.size() > 5) return std::nullopt;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value <= 1000 ? std::optional<int>{value} : std::nullopt;
}

/// The q of one list element ("gzip;q=0.5" → 500); 1000 without a q; nullopt when malformed.
std::optional<int> element_weight(std::string_view parameters) {
  int weight = 1000;
  while (!parameters.empty()) {
    const auto semicolon = parameters.find(';');
    const std::string_view parameter = util::trim_spaces(parameters.substr(0, semicolon));
    parameters = semicolon == std::string_view::npos ? "" : parameters.substr(semicolon + 1);
    const auto equals = parameter.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    if (!iequals(util::trim_spaces(parameter.substr(0, equals)), "q")) continue;
    const auto q = parse_qvalue(util::trim_spaces(parameter.substr(equals + 1)));
    if (!q) return std::nullopt;
    weight = *q;
  }
  return weight;
}

/// The q-values the header gives gzip and brotli: explicit entries win over `*`.
struct Weights {
  std::optional<int> gzip, br, any;
};

Weights read_weights(std::string_view header) {
  Weights weights;
  while (!header.empty()) {
    const auto comma = header.find(',');
    const std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? "" : header.substr(comma + 1);
    const auto semicolon = element.find(';');
    const std::string_view coding = util::trim_spaces(element.substr(0, semicolon));
    const auto weight =
        element_weight(semicolon == std::string_view::npos ? "" : element.substr(semicolon + 1));
    if (!weight || coding.empty()) continue;
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) weights.gzip = *weight;
    if (iequals(coding, "br")) weights.br = *weight;
    if (coding == "*") weights.any = *weight;
  }
  return weights;
}

}  // namespace

std::string_view coding_token(ContentCoding coding) {
  switch (coding) {
    case ContentCoding::gzip:
      return "gzip";
    case ContentCoding::br:
      return "br";
    case ContentCoding::identity:
      break;
  }
  return "";
}

ContentCoding choose_coding(std::optional<std::string_view> accept_encoding, bool has_gzip,
                            bool has_br) {
  if (!accept_encoding) return ContentCoding::identity;
  const Weights weights = read_weights(*accept_encoding);
  const int gzip = has_gzip ? weights.gzip.value_or(weights.any.value_or(0)) : 0;
  const int br = has_br ? weights.br.value_or(weights.any.value_or(0)) : 0;
  if (br > 0 && br >= gzip) return ContentCoding::br;
  if (gzip > 0) return ContentCoding::gzip;
  return ContentCoding::identity;
}

}  // namespace tmeit::http::static_assets
