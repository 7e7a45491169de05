#include "http/client_address.hpp"

#include "util/text.hpp"

#include <stdexcept>

namespace tmeit::http {
namespace ip = boost::asio::ip;

namespace {

/// An IPv4-mapped IPv6 peer (::ffff:a.b.c.d) is compared as the IPv4 address it carries.
ip::address unmapped(const ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return ip::make_address_v4(ip::v4_mapped, address.to_v6());
  }
  return address;
}

}  // namespace

ClientAddressResolver::ClientAddressResolver(const std::vector<std::string>& trusted) {
  for (const auto& entry : trusted) {
    boost::system::error_code ec;
    const bool has_prefix = entry.find('/') != std::string::npos;
    if (entry.find(':') != std::string::npos) {
      auto net = has_prefix ? ip::make_network_v6(entry, ec)
                            : ip::network_v6(ip::make_address_v6(entry, ec), 128);
      if (!ec) networks_v6_.push_back(net);
    } else {
      auto net = has_prefix ? ip::make_network_v4(entry, ec)
                            : ip::network_v4(ip::make_address_v4(entry, ec), 32);
      if (!ec) networks_v4_.push_back(net);
    }
    if (ec) throw std::invalid_argument("not an address or network: '" + entry + "'");
  }
}

bool ClientAddressResolver::trusted(const ip::address& raw) const {
  const auto address = unmapped(raw);
  if (address.is_v4()) {
    const ip::network_v4 host(address.to_v4(), 32);
    for (const auto& net : networks_v4_) {
      if (host == net || host.is_subnet_of(net)) return true;
    }
    return false;
  }
  const ip::network_v6 host(address.to_v6(), 128);
  for (const auto& net : networks_v6_) {
    if (host == net || host.is_subnet_of(net)) return true;
  }
  return false;
}

std::string ClientAddressResolver::resolve(const ip::address& peer,
                                           std::string_view forwarded_for) const {
  if (forwarded_for.empty() || !trusted(peer)) return unmapped(peer).to_string();
  // Walk from the right: each hop was appended by the proxy before it.
  std::string_view rest = forwarded_for;
  std::string candidate = unmapped(peer).to_string();
  while (!rest.empty()) {
    auto comma = rest.rfind(',');
    auto entry = util::trim_spaces(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
    boost::system::error_code ec;
    auto address = ip::make_address(std::string(entry), ec);
    // A malformed hop cannot be trusted further; the last good address stands.
    if (ec) return candidate;
    candidate = unmapped(address).to_string();
    if (!trusted(address)) return candidate;
  }
  return candidate;
}

}  // namespace tmeit::http
