#pragma once

#include "db/pg_handles.hpp"
#include "storage/object_store.hpp"

#include <cstddef>

namespace tmeit::backup {

/// Copies erasures recorded in the database but not yet in the ledger to the store, one small
/// object each (backups/erasures/...), and marks them. An object that already exists (written
/// before a crash, or before a restore) counts as written: the writer key may not overwrite.
/// Returns how many were copied. Throws on database or storage errors; what was copied stays
/// copied.
std::size_t flush_ledger(PGconn* conn, storage::ObjectStore& store,
                         const storage::PutOptions& options);

}  // namespace tmeit::backup
