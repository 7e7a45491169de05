#pragma once

#include <utility>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tmeit::http {

/// Works out the client's address: the peer, or, when the peer is a trusted proxy, the
/// right-most X-Forwarded-For entry that is not itself a trusted proxy.
class ClientAddressResolver {
 public:
  /// `trusted` holds addresses or CIDR networks ("10.0.0.0/8"); throws on a malformed entry.
  explicit ClientAddressResolver(const std::vector<std::string>& trusted);

  std::string resolve(const boost::asio::ip::address& peer, std::string_view forwarded_for) const;

 private:
  bool trusted(const boost::asio::ip::address& address) const;

  std::vector<boost::asio::ip::network_v4> networks_v4_;
  std::vector<boost::asio::ip::network_v6> networks_v6_;
};

}  // namespace tmeit::http
