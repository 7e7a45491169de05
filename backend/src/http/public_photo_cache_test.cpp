#include "http/public_photo_cache.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

namespace tmeit::http {
namespace {

using namespace std::chrono_literals;
using Clock = PublicPhotoCache::Clock;

PublicPhotoCache::Bytes bytes_of(std::size_t size, char fill = 'x') {
  return std::make_shared<const std::string>(size, fill);
}

TEST(PublicPhotoCache, ServesAPutPhotoUntilItsTtlRunsOut) {
  PublicPhotoCache cache(1000, 5s);
  const auto start = Clock::now();
  cache.put("photos/a.webp", bytes_of(10, 'a'), start);
  const auto found = cache.find("photos/a.webp", start + 4999ms);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(*found, "aaaaaaaaaa");
  EXPECT_EQ(cache.find("photos/a.webp", start + 5s), nullptr);
  EXPECT_EQ(cache.find("photos/b.webp", start), nullptr);
}

TEST(PublicPhotoCache, RefreshKeepsTheBytesAndCountsTheTtlAgain) {
  PublicPhotoCache cache(1000, 5s);
  const auto start = Clock::now();
  cache.put("photos/a.webp", bytes_of(10), start);
  ASSERT_EQ(cache.find("photos/a.webp", start + 6s), nullptr);
  ASSERT_NE(cache.refresh("photos/a.webp", start + 6s), nullptr);
  EXPECT_NE(cache.find("photos/a.webp", start + 10s), nullptr);
  EXPECT_EQ(cache.find("photos/a.webp", start + 11s), nullptr);
  EXPECT_EQ(cache.refresh("photos/b.webp", start), nullptr);
}

TEST(PublicPhotoCache, EvictsTheLeastRecentlyServedToStayWithinItsBytes) {
  PublicPhotoCache cache(300, 5s);
  const auto now = Clock::now();
  cache.put("photos/a.webp", bytes_of(100), now);
  cache.put("photos/b.webp", bytes_of(100), now);
  cache.put("photos/c.webp", bytes_of(100), now);
  ASSERT_NE(cache.find("photos/a.webp", now), nullptr);  // a is now the most recent
  cache.put("photos/d.webp", bytes_of(150), now);        // b and c must go
  EXPECT_NE(cache.find("photos/a.webp", now), nullptr);
  EXPECT_EQ(cache.find("photos/b.webp", now), nullptr);
  EXPECT_EQ(cache.find("photos/c.webp", now), nullptr);
  EXPECT_NE(cache.find("photos/d.webp", now), nullptr);
  EXPECT_EQ(cache.bytes(), 250u);
  EXPECT_EQ(cache.entries(), 2u);
}

TEST(PublicPhotoCache, KeepsNothingLargerThanItself) {
  PublicPhotoCache cache(100, 5s);
  cache.put("photos/a.webp", bytes_of(50));
  cache.put("photos/big.webp", bytes_of(101));
  EXPECT_EQ(cache.find("photos/big.webp"), nullptr);
  EXPECT_NE(cache.find("photos/a.webp"), nullptr);  // and nothing was evicted for it
  PublicPhotoCache none(0, 5s);
  none.put("photos/a.webp", bytes_of(1));
  EXPECT_EQ(none.entries(), 0u);
}

TEST(PublicPhotoCache, PuttingAKeyAgainReplacesIt) {
  PublicPhotoCache cache(1000, 5s);
  cache.put("photos/a.webp", bytes_of(10, 'a'));
  cache.put("photos/a.webp", bytes_of(20, 'b'));
  EXPECT_EQ(cache.bytes(), 20u);
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(*cache.find("photos/a.webp"), std::string(20, 'b'));
}

TEST(PublicPhotoCache, EraseAndClearForget) {
  PublicPhotoCache cache(1000, 5s);
  cache.put("photos/a.webp", bytes_of(10));
  cache.put("photos/b.webp", bytes_of(10));
  cache.erase("photos/a.webp");
  cache.erase("photos/none.webp");
  EXPECT_EQ(cache.find("photos/a.webp"), nullptr);
  EXPECT_EQ(cache.refresh("photos/a.webp"), nullptr);
  EXPECT_EQ(cache.bytes(), 10u);
  cache.clear();
  EXPECT_EQ(cache.find("photos/b.webp"), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_EQ(cache.entries(), 0u);
}

}  // namespace
}  // namespace tmeit::http
