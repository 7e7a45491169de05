#include "storage/object_store.hpp"

namespace tmeit::storage {

std::vector<ObjectInfo> ObjectStore::list_all(const std::string& prefix) {
  std::vector<ObjectInfo> all;
  std::string continuation;
  do {
    ListPage page = list(prefix, continuation, 1000);
    for (auto& object : page.objects) all.push_back(std::move(object));
    continuation = std::move(page.next);
  } while (!continuation.empty());
  return all;
}

}  // namespace tmeit::storage
