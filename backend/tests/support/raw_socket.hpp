#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "support/subprocess.hpp"

namespace tmeit::test {

/// A plain blocking TCP connection to 127.0.0.1:`port`, cheap enough to open thousands (the
/// abusive clients of the fault tests). `receive_buffer` > 0 shrinks the socket's receive
/// buffer, so a client that does not read stalls the server's writes early. Throws on failure.
UniqueFd connect_raw(std::uint16_t port, int receive_buffer = 0);

/// Writes all of `bytes`; false when the connection is gone.
bool send_raw(int fd, std::string_view bytes);

/// What the server did with a connection, looked at without waiting.
enum class PeerState { open, closed, data };
/// Whether the server closed the connection, sent something, or neither (yet).
PeerState peer_state(int fd);

/// Reads what arrives within `wait` (until EOF or the wait ends).
std::string receive_for(int fd, std::chrono::milliseconds wait);

}  // namespace tmeit::test
