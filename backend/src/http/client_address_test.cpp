#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace tmeit::http {
namespace {

namespace ip = boost::asio::ip;

TEST(ClientAddress, UntrustedPeerIsTheClientWhateverItForwards) {
  const ClientAddressResolver resolver({"10.0.0.1"});
  EXPECT_EQ(resolver.resolve(ip::make_address("192.0.2.7"), "203.0.113.9"), "192.0.2.7");
}

TEST(ClientAddress, TrustedProxyForwardsTheClient) {
  const ClientAddressResolver resolver({"10.0.0.1"});
  EXPECT_EQ(resolver.resolve(ip::make_address("10.0.0.1"), "203.0.113.9"), "203.0.113.9");
}

TEST(ClientAddress, SpoofedLeftEntriesAreIgnored) {
  const ClientAddressResolver resolver({"10.0.0.0/8"});
  EXPECT_EQ(resolver.resolve(ip::make_address("10.1.2.3"), "1.1.1.1, 203.0.113.9, 10.0.0.5"),
            "203.0.113.9");
}

TEST(ClientAddress, MalformedHopStopsTheWalk) {
  const ClientAddressResolver resolver({"10.0.0.1"});
  EXPECT_EQ(resolver.resolve(ip::make_address("10.0.0.1"), "garbage"), "10.0.0.1");
}

TEST(ClientAddress, MappedIpv4PeerIsShownAsIpv4) {
  const ClientAddressResolver resolver({});
  EXPECT_EQ(resolver.resolve(ip::make_address("::ffff:192.0.2.7"), ""), "192.0.2.7");
}

TEST(ClientAddress, MalformedTrustedEntryIsRejected) {
  EXPECT_THROW(ClientAddressResolver({"not-an-address"}), std::invalid_argument);
}

}  // namespace
}  // namespace tmeit::http
