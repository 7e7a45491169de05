// The S3 backend against a real S3-API server (s3rver behind tools/s3rver/server.mjs, which
// checks every SigV4 signature): the whole surface, retries, aborts and refused credentials.
#include <gtest/gtest.h>

#include "storage/object_writer.hpp"
#include "storage/s3_store.hpp"
#include "support/s3_server.hpp"

namespace tmeit::test {
namespace {

using storage::S3Store;
using storage::StorageError;

std::string read(storage::ObjectStore& store, const std::string& key) {
  std::string body;
  if (!store.get(key, [&body](std::string_view chunk) { body.append(chunk); })) return "(missing)";
  return body;
}

/// Requests of the log with this method (and, if given, text in the query).
std::size_t count_requests(S3Server& server, const std::string& method,
                           const std::string& query_part = "") {
  std::size_t n = 0;
  for (const auto& entry : server.requests()) {
    if (entry["method"] == method &&
        entry["query"].get<std::string>().find(query_part) != std::string::npos) {
      ++n;
    }
  }
  return n;
}

TEST(ObjectStorage, PutGetHeadListDeleteRoundTrip) {
  S3Server server;
  S3Store store(server.settings());
  store.put("photos/a b/ü+1.webp", "pixels", {"image/webp", {{"sha256", "abc"}}});
  EXPECT_EQ(read(store, "photos/a b/ü+1.webp"), "pixels");
  const auto head = store.head("photos/a b/ü+1.webp");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->size, 6u);
  EXPECT_EQ(head->metadata.at("sha256"), "abc");
  const auto listed = store.list_all("photos/");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].key, "photos/a b/ü+1.webp");
  EXPECT_EQ(listed[0].size, 6u);
  store.remove("photos/a b/ü+1.webp");
  EXPECT_EQ(read(store, "photos/a b/ü+1.webp"), "(missing)");
  EXPECT_FALSE(store.head("photos/a b/ü+1.webp"));
  store.remove("photos/a b/ü+1.webp");  // deleting what is gone is fine
}

TEST(ObjectStorage, ListingFollowsContinuationTokens) {
  S3Server server;
  S3Store store(server.settings());
  for (const std::string key : {"l/5", "l/1", "l/3", "l/2", "l/4", "other"})
    store.put(key, key, {});
  const auto first = store.list("l/", "", 2);
  ASSERT_EQ(first.objects.size(), 2u);
  EXPECT_EQ(first.objects[0].key, "l/1");
  EXPECT_FALSE(first.next.empty());
  std::vector<std::string> keys;
  for (const auto& object : store.list_all("l/")) keys.push_back(object.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"l/1", "l/2", "l/3", "l/4", "l/5"}));
}

TEST(ObjectStorage, MultipartUploadAssemblesThePartsInOrder) {
  S3Server server;
  S3Store store(server.settings());
  std::string data;
  for (int i = 0; data.size() < 200 * 1024; ++i) data += "line " + std::to_string(i) + "\n";
  storage::ObjectWriter writer(store, "big/object", {}, 64 * 1024);
  for (std::size_t at = 0; at < data.size(); at += 10000) writer.write(data.substr(at, 10000));
  EXPECT_EQ(writer.finish(), data.size());
  EXPECT_EQ(read(store, "big/object"), data);
  EXPECT_EQ(count_requests(server, "POST", "uploads="), 1u);
  EXPECT_EQ(count_requests(server, "PUT", "partNumber="), 4u);
  EXPECT_EQ(count_requests(server, "POST", "uploadId="), 1u);
}

TEST(ObjectStorage, AFailedPartAbortsTheUploadAndNothingAppears) {
  S3Server server;
  S3Store store(server.settings());
  server.set_faults(R"([{"method":"PUT","match":"partNumber=2","status":500,"count":10}])");
  {
    storage::ObjectWriter writer(store, "big/object", {}, 64 * 1024);
    EXPECT_THROW(
        {
          writer.write(std::string(200 * 1024, 'x'));
          writer.finish();
        },
        StorageError);
  }
  EXPECT_EQ(count_requests(server, "PUT", "partNumber=2"), 3u);  // three tries, then give up
  EXPECT_EQ(count_requests(server, "DELETE", "uploadId="), 1u);  // the abort
  EXPECT_FALSE(store.head("big/object"));
}

TEST(ObjectStorage, ServerErrorsAndDroppedConnectionsAreRetried) {
  S3Server server;
  S3Store store(server.settings());
  server.set_faults(
      R"([{"method":"PUT","status":503,"count":1},{"method":"PUT","reset":true,"count":1}])");
  store.put("retried", "body", {});
  EXPECT_EQ(count_requests(server, "PUT"), 3u);
  EXPECT_EQ(read(store, "retried"), "body");
}

TEST(ObjectStorage, ASlowAnswerTimesOutAndIsRetried) {
  S3Server server;
  auto settings = server.settings();
  settings.request_timeout = std::chrono::milliseconds(1500);
  S3Store store(settings);
  store.put("slow", "body", {});
  server.set_faults(R"([{"method":"GET","delay_ms":4000,"count":1}])");
  EXPECT_EQ(read(store, "slow"), "body");
  EXPECT_EQ(count_requests(server, "GET"), 2u);
}

TEST(ObjectStorage, PersistentServerErrorsGiveUpAfterTheLastAttempt) {
  S3Server server;
  S3Store store(server.settings());
  server.set_faults(R"([{"method":"PUT","status":500,"count":100}])");
  try {
    store.put("never", "body", {});
    FAIL() << "expected StorageError";
  } catch (const StorageError& error) {
    EXPECT_EQ(error.status(), 500);
    EXPECT_TRUE(error.retryable());
  }
  EXPECT_EQ(count_requests(server, "PUT"), 3u);
}

TEST(ObjectStorage, AWrongSecretIsRefusedAndNotRetried) {
  S3Server server;
  auto settings = server.settings();
  settings.secret_access_key = "not-the-secret";
  S3Store store(settings);
  try {
    store.put("refused", "body", {});
    FAIL() << "expected StorageError";
  } catch (const StorageError& error) {
    EXPECT_EQ(error.status(), 403);
    EXPECT_FALSE(error.retryable());
    EXPECT_NE(std::string(error.what()).find("SignatureDoesNotMatch"), std::string::npos)
        << error.what();
    EXPECT_EQ(std::string(error.what()).find("not-the-secret"), std::string::npos);
  }
  EXPECT_EQ(count_requests(server, "PUT"), 1u);
  EXPECT_FALSE(S3Store(server.settings()).head("refused"));
}

TEST(ObjectStorage, TheWriterKeyCanNeitherDeleteNorOverwrite) {
  S3Server server;
  S3Store writer(server.settings(/*writer=*/true));
  writer.put("backups/once", "first", {});
  EXPECT_EQ(read(writer, "backups/once"), "first");
  EXPECT_THROW(writer.put("backups/once", "second", {}), StorageError);
  EXPECT_THROW(writer.remove("backups/once"), StorageError);
  EXPECT_EQ(read(writer, "backups/once"), "first");
}

}  // namespace
}  // namespace tmeit::test
