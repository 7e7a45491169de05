#include "db/event_repository.hpp"

#include "db/api_time.hpp"
#include "db/photo_repository.hpp"

namespace tmeit::db {

// Timestamps as the API writes them (db/api_time.hpp): no time zone arithmetic in C++.
// clang-format cannot align a macro body that holds macro calls.
// clang-format off
#define TMEIT_EVENT_COLUMNS                                           \
  "uuid, title, description, location, "                              \
  TMEIT_API_TIME("event_start") ", " TMEIT_API_TIME("event_end") ", " \
  "visibility, " TMEIT_EVENT_BANNER_COLUMN ", "                      \
  TMEIT_API_TIME("created_at") ", " TMEIT_API_TIME("updated_at") ", version"
// clang-format on

namespace {

// $2 (upcoming) NULL lists everything by start; true lists what is not over yet (started
// events that still run count), soonest first; false lists what is over, newest first, which
// is how people browse the past.
constexpr Statement select_page{
    "events_list",
    "SELECT " TMEIT_EVENT_COLUMNS
    " FROM events WHERE visibility = ANY($1::text[]) AND ("
    "$2::boolean IS NULL"
    " OR ($2::boolean AND (event_start >= now() OR event_end >= now()))"
    " OR (NOT $2::boolean AND event_start < now() AND (event_end IS NULL OR event_end < now())))"
    " ORDER BY CASE WHEN $2::boolean IS DISTINCT FROM false THEN event_start END ASC,"
    " CASE WHEN $2::boolean = false THEN event_start END DESC, uuid"
    " LIMIT $3::integer OFFSET $4::integer"};

constexpr Statement select_one{
    "events_by_uuid", "SELECT " TMEIT_EVENT_COLUMNS
                      " FROM events WHERE uuid = $1::uuid AND visibility = ANY($2::text[])"};

constexpr Statement lock_one{"events_lock_by_uuid",
                             "SELECT " TMEIT_EVENT_COLUMNS
                             " FROM events WHERE uuid = $1::uuid AND visibility = ANY($2::text[])"
                             " FOR UPDATE"};

constexpr Statement insert_event{
    "events_insert",
    "INSERT INTO events (title, description, location, event_start, event_end, visibility) "
    "VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6) RETURNING " TMEIT_EVENT_COLUMNS};

constexpr Statement update_event{
    "events_update",
    "UPDATE events SET title = $2, description = $3, location = $4, "
    "event_start = $5::timestamptz, event_end = $6::timestamptz, visibility = $7, "
    "updated_at = now() WHERE uuid = $1::uuid RETURNING " TMEIT_EVENT_COLUMNS};

// The banner's keys are read in the same snapshot as the delete (its row goes with the event):
// the server deletes the objects after.
constexpr Statement delete_event{
    "events_delete",
    "WITH banner AS (SELECT key_2048, key_1024, key_256 FROM event_banners"
    "  WHERE event_uuid = $1::uuid),"
    " gone AS (DELETE FROM events WHERE uuid = $1::uuid RETURNING uuid)"
    " SELECT b.key_2048, b.key_1024, b.key_256 FROM gone LEFT JOIN banner AS b ON true"};

#undef TMEIT_EVENT_COLUMNS

Params editable_params(const domain::Event& event) {
  return {event.title,       event.description, event.location,
          event.event_start, event.event_end,   event.visibility};
}

domain::Event event_from_row(const Result& result, int row) {
  domain::Event event;
  int col = 0;
  event.uuid = result.text(row, col++);
  event.title = result.text(row, col++);
  event.description = result.text(row, col++);
  event.location = result.text(row, col++);
  event.event_start = result.text(row, col++);
  event.event_end = result.optional_text(row, col++);
  event.visibility = result.text(row, col++);
  event.banner = photo_keys_from_text(result.optional_text(row, col++));
  event.created_at = result.text(row, col++);
  event.updated_at = result.text(row, col++);
  event.version = result.integer(row, col);
  return event;
}

}  // namespace

std::string text_array(const std::vector<std::string>& words) {
  std::string out = "{";
  for (const auto& word : words) {
    if (out.size() > 1) out += ',';
    out += word;
  }
  return out + "}";
}

boost::asio::awaitable<std::vector<domain::Event>> EventRepository::list(const EventQuery& query) {
  std::optional<std::string> upcoming;
  if (query.upcoming) upcoming = *query.upcoming ? "true" : "false";
  const Params params{text_array(query.visibilities), upcoming, std::to_string(query.limit),
                      std::to_string(query.offset)};
  auto result = co_await pool_.execute(select_page, params);
  std::vector<domain::Event> events;
  events.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) events.push_back(event_from_row(result, row));
  co_return events;
}

boost::asio::awaitable<std::optional<domain::Event>> EventRepository::find(
    const std::string& uuid, const std::vector<std::string>& visibilities) {
  const Params params{uuid, text_array(visibilities)};
  auto result = co_await pool_.execute(select_one, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return event_from_row(result, 0);
}

boost::asio::awaitable<domain::Event> EventRepository::create(const domain::Event& event) {
  const Params params = editable_params(event);
  auto result = co_await pool_.execute(insert_event, params);
  co_return event_from_row(result, 0);
}

boost::asio::awaitable<std::optional<domain::Event>> EventRepository::lock(
    Transaction& transaction, const std::string& uuid,
    const std::vector<std::string>& visibilities) {
  const Params params{uuid, text_array(visibilities)};
  auto result = co_await transaction.execute(lock_one, params);
  if (result.rows() == 0) co_return std::nullopt;
  co_return event_from_row(result, 0);
}

boost::asio::awaitable<domain::Event> EventRepository::update(Transaction& transaction,
                                                              const domain::Event& event) {
  Params params = editable_params(event);
  params.insert(params.begin(), event.uuid);
  auto result = co_await transaction.execute(update_event, params);
  co_return event_from_row(result, 0);
}

boost::asio::awaitable<std::optional<std::vector<std::string>>> EventRepository::remove(
    const std::string& uuid) {
  const Params params{uuid};
  auto result = co_await pool_.execute(delete_event, params);
  if (result.rows() == 0) co_return std::nullopt;
  std::vector<std::string> keys;
  for (int col = 0; col < 3; ++col) {
    if (!result.is_null(0, col)) keys.emplace_back(result.text(0, col));
  }
  co_return keys;
}

}  // namespace tmeit::db
