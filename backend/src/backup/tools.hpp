#pragma once

#include "app/config.hpp"
#include "util/pipeline.hpp"

#include <string>

/// The external programs of backups and restores: pg_dump and pg_restore (PostgreSQL 15
/// client) and age (the reference implementation of the age format). Passwords reach them
/// through PGPASSWORD, never their command line (which `ps` shows to everyone).
namespace tmeit::backup::tools {

/// `pg_dump --format=custom` of the database at `conninfo`, reading the exported `snapshot`,
/// so the dump is exactly the state the caller counted rows in.
util::Command pg_dump(const app::Config& config, const std::string& conninfo,
                      const std::string& snapshot);

/// `pg_restore` into `conninfo` as one transaction (all or nothing); `clean` drops what the
/// dump holds first (restore --force).
util::Command pg_restore(const app::Config& config, const std::string& conninfo, bool clean);

/// `age --encrypt` to every recipient of TMEIT_BACKUP_AGE_RECIPIENTS.
util::Command age_encrypt(const app::Config& config);

/// `age --decrypt` with the identity file of TMEIT_BACKUP_AGE_IDENTITY_FILE.
util::Command age_decrypt(const app::Config& config);

}  // namespace tmeit::backup::tools
