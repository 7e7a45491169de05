#pragma once

#include "db/pool.hpp"
#include "db/sign_up_repository.hpp"
#include "http/handlers/password_service.hpp"
#include "http/types.hpp"

#include <cstddef>
#include <string>

namespace tmeit::http {

/// Settings of the sign-up handlers, from the config.
struct SignUpSettings {
  std::size_t per_address_per_hour;
  std::string public_url;  // base of links in mails, no trailing slash
};

/// The public sign-up form and the masters' queue of pending sign-ups.
class SignUpHandlers {
 public:
  SignUpHandlers(db::Pool& pool, db::SignUpRepository& sign_ups, const PasswordService& passwords,
                 SignUpSettings settings)
      : pool_(pool), sign_ups_(sign_ups), passwords_(passwords), settings_(std::move(settings)) {}

  asio::awaitable<Response> create_sign_up(RequestContext& ctx);
  asio::awaitable<Response> list_sign_ups(RequestContext& ctx);
  asio::awaitable<Response> get_sign_up(RequestContext& ctx);
  asio::awaitable<Response> approve_sign_up(RequestContext& ctx);
  asio::awaitable<Response> delete_sign_up(RequestContext& ctx);

 private:
  asio::awaitable<void> refuse_if_too_many(const std::string& client_address);

  db::Pool& pool_;
  db::SignUpRepository& sign_ups_;
  const PasswordService& passwords_;
  SignUpSettings settings_;
};

}  // namespace tmeit::http
