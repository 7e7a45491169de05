#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/club.hpp"

namespace tmeit::test {

/// A test with its own server, a master (boss@example.com) and a vraq (anna@example.com), both
/// logged in.
class MasterAndMember : public ::testing::Test {
 protected:
  MasterAndMember()
      : boss_member_(add_member(server_, "boss@example.com", "master")),
        anna_(add_member(server_, "anna@example.com", "vraq")),
        boss_(login(server_, "boss@example.com")),
        anna_token_(login(server_, "anna@example.com")) {}

  TestServer server_;
  TestMember boss_member_;
  TestMember anna_;
  std::string boss_;
  std::string anna_token_;
};

}  // namespace tmeit::test
