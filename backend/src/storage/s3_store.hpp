#pragma once

#include "storage/object_store.hpp"
#include "storage/s3_client.hpp"

namespace tmeit::storage {

/// ObjectStore over an S3 API: one bucket, requests signed with SigV4 by libcurl.
class S3Store : public ObjectStore {
 public:
  explicit S3Store(S3Settings settings);

  void put(const std::string& key, std::string_view body, const PutOptions& options) override;
  bool get(const std::string& key, const ChunkSink& sink) override;
  std::optional<ObjectHead> head(const std::string& key) override;
  void remove(const std::string& key) override;
  ListPage list(const std::string& prefix, const std::string& continuation,
                std::size_t max_keys) override;
  std::unique_ptr<MultipartUpload> start_multipart(const std::string& key,
                                                   const PutOptions& options) override;
  std::string describe() const override;

 private:
  S3Client client_;
};

/// The headers that carry `options` (type, metadata, Object Lock) on a PUT or an initiate.
std::vector<std::string> put_headers(const PutOptions& options);

}  // namespace tmeit::storage
