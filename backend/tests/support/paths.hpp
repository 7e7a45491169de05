#pragma once

// Absolute paths baked in by CMake (backend/tests/CMakeLists.txt), so tests run from any folder.
namespace tmeit::test::paths {

/// The `tmeit` binary under test.
inline constexpr const char* tmeit_binary = TMEIT_TEST_BINARY;
/// The repository's db/migrations folder.
inline constexpr const char* migrations_dir = TMEIT_TEST_MIGRATIONS_DIR;
/// scripts/pg-cluster: init, start, stop and status of a throwaway PostgreSQL cluster.
inline constexpr const char* pg_cluster = TMEIT_TEST_PG_CLUSTER;
/// Data folder of the cluster shared by all tests (ctest fixture `pg`).
inline constexpr const char* shared_pg_dir = TMEIT_TEST_PG_DIR;
/// support/smtp_sink.py: the SMTP server the email tests send to.
inline constexpr const char* smtp_sink = TMEIT_TEST_SMTP_SINK;
/// tools/s3rver/server.mjs: the S3-API server of the storage and backup tests (node).
inline constexpr const char* s3_server = TMEIT_TEST_S3_SERVER;
/// The retention facts the website's privacy policy states (frontend/src/features/privacy/).
inline constexpr const char* privacy_retention = TMEIT_TEST_PRIVACY_RETENTION;

}  // namespace tmeit::test::paths
