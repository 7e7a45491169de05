#include "backup/ledger.hpp"

#include "db/erasure_repository.hpp"

namespace tmeit::backup {

std::size_t flush_ledger(PGconn* conn, storage::ObjectStore& store,
                         const storage::PutOptions& options) {
  std::size_t copied = 0;
  while (true) {
    const auto batch = db::erasures::pending(conn, 100);
    for (const auto& entry : batch) {
      const std::string key = domain::ledger_key(entry.erasure);
      if (!store.head(key)) {
        storage::PutOptions entry_options = options;
        entry_options.content_type = "application/json";
        store.put(key, domain::ledger_body(entry.erasure), entry_options);
        ++copied;
      }
      db::erasures::mark_ledgered(conn, entry.id, key);
    }
    if (batch.size() < 100) return copied;
  }
}

}  // namespace tmeit::backup
