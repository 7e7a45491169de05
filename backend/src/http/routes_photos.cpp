#include "domain/photo.hpp"
#include "http/handlers/photo_handlers.hpp"
#include "http/multipart.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace tmeit::http {
namespace {

/// The multipart/form-data body of an upload: the file, and the fields beside it.
nlohmann::json upload_schema(bool takes_visibility) {
  nlohmann::json properties{
      {"file",
       {{"type", "string"},
        {"format", "binary"},
        {"description",
         "a JPEG, PNG, WebP or HEIC photo, at most 15 MB and 40 megapixels; its metadata "
         "(EXIF with GPS, XMP, ICC) is not kept"}}}};
  if (takes_visibility) {
    properties["visibility"] = {{"type", "string"},
                                {"enum", {"public", "members"}},
                                {"default", "members"},
                                {"description", "who may see the photo"}};
  }
  return object_schema(properties, {"file"});
}

/// The errors every upload can answer, beside the route's own.
std::map<int, ResponseDoc> upload_responses(std::map<int, ResponseDoc> responses) {
  responses.emplace(400, ResponseDoc{"a malformed form (no boundary, no closing boundary) or a "
                                     "field that does not exist, named",
                                     error_schema()});
  responses.emplace(
      413, ResponseDoc{"the body is over 15 MB (refused before it is read)", error_schema()});
  responses.emplace(415, ResponseDoc{"not multipart/form-data, or a file that is no JPEG, PNG, "
                                     "WebP or HEIC (SVG, GIF, PDF, ...)",
                                     error_schema()});
  responses.emplace(422, ResponseDoc{"no file, two files, over 40 megapixels, a damaged image, "
                                     "or a bad visibility, named",
                                     error_schema()});
  responses.emplace(503, ResponseDoc{"every photo worker is busy, or object storage is down: "
                                     "try again after Retry-After seconds",
                                     error_schema()});
  return responses;
}

Route upload_route(bhttp::verb method, std::string path, std::string operation_id,
                   std::string summary, std::string tag, Access access, Handler handler,
                   bool takes_visibility, std::map<int, ResponseDoc> responses) {
  return {.method = method,
          .path = std::move(path),
          .operation_id = std::move(operation_id),
          .summary = std::move(summary),
          .tag = std::move(tag),
          .access = access,
          .handler = std::move(handler),
          .request_schema = upload_schema(takes_visibility),
          .responses = upload_responses(std::move(responses)),
          .request_content_type = "multipart/form-data",
          .max_body_bytes = upload_body_bytes};
}

}  // namespace

nlohmann::json photo_schemas() {
  return {
      {"MemberPhoto", domain::member_photo_schema()},
      {"MemberPhotoPatch",
       {{"type", "object"},
        {"required", {"visibility"}},
        {"additionalProperties", false},
        {"properties", {{"visibility", {{"type", "string"}, {"enum", {"public", "members"}}}}}}}}};
}

std::vector<Route> photo_routes(PhotoHandlers& photos) {
  using bhttp::verb;
  const std::string gallery = "/api/v1/members/{short_uuid}/photos";
  const std::string one = gallery + "/{photo_id}";
  const ResponseDoc photo{"the photo", schema_ref("MemberPhoto")};
  const ResponseDoc no_member{"no such member", error_schema()};
  const ResponseDoc no_photo{"no such member or photo (or one the caller may not see)",
                             error_schema()};
  const ResponseDoc not_yours{"someone else's photos, and the caller is no master", error_schema()};
  const ResponseDoc no_event{"no such event", error_schema()};
  std::vector<Route> routes;
  routes.push_back(upload_route(
      verb::post, gallery, "upload_member_photo",
      "Add a photo to a member's gallery (the member or a master); their first becomes primary",
      "photos", Access::member, bind(photos, &PhotoHandlers::upload_photo), true,
      {{201, {"the new photo (its URL in Location)", schema_ref("MemberPhoto")}},
       {403, not_yours},
       {404, no_member},
       {409, {"the gallery is full (50 photos)", error_schema()}}}));
  routes.push_back(
      {.method = verb::get,
       .path = gallery,
       .operation_id = "list_member_photos",
       .summary = "A member's photos, oldest first: all of them for members, the public ones for "
                  "everyone else",
       .tag = "photos",
       .access = Access::optional_login,
       .handler = bind(photos, &PhotoHandlers::list_photos),
       .responses = {
           {200, {"the photos", {{"type", "array"}, {"items", schema_ref("MemberPhoto")}}}},
           {404, no_member}}});
  routes.push_back({.method = verb::get,
                    .path = one,
                    .operation_id = "get_member_photo",
                    .summary = "One photo of a member, when the caller may see it",
                    .tag = "photos",
                    .access = Access::optional_login,
                    .handler = bind(photos, &PhotoHandlers::get_photo),
                    .responses = {{200, photo}, {404, no_photo}}});
  routes.push_back({.method = verb::patch,
                    .path = one,
                    .operation_id = "patch_member_photo",
                    .summary = "Change who may see a photo (the member or a master)",
                    .tag = "photos",
                    .access = Access::member,
                    .handler = bind(photos, &PhotoHandlers::patch_photo),
                    .request_schema = schema_ref("MemberPhotoPatch"),
                    .responses = {{200, photo},
                                  {400, {"a field that does not exist, named", error_schema()}},
                                  {403, not_yours},
                                  {404, no_photo},
                                  {422, {"a bad visibility", error_schema()}}}});
  routes.push_back({.method = verb::delete_,
                    .path = one,
                    .operation_id = "delete_member_photo",
                    .summary = "Delete a photo (the member or a master); a deleted primary photo "
                               "leaves the member without one",
                    .tag = "photos",
                    .access = Access::member,
                    .handler = bind(photos, &PhotoHandlers::delete_photo),
                    .responses = {{204, {"deleted"}}, {403, not_yours}, {404, no_photo}}});
  routes.push_back({.method = verb::put,
                    .path = one + "/primary",
                    .operation_id = "set_primary_member_photo",
                    .summary = "Make a photo the one the team page and profile show (the member "
                               "or a master)",
                    .tag = "photos",
                    .access = Access::member,
                    .handler = bind(photos, &PhotoHandlers::set_primary),
                    .responses = {{200, photo}, {403, not_yours}, {404, no_photo}}});
  routes.push_back(
      upload_route(verb::put, "/api/v1/events/{uuid}/banner", "put_event_banner",
                   "Set an event's banner photo, replacing the one it had (marshals and masters)",
                   "events", Access::marshal, bind(photos, &PhotoHandlers::put_banner), false,
                   {{200, {"the event with its banner", schema_ref("Event")}}, {404, no_event}}));
  routes.push_back({.method = verb::delete_,
                    .path = "/api/v1/events/{uuid}/banner",
                    .operation_id = "delete_event_banner",
                    .summary = "Remove an event's banner photo (marshals and masters)",
                    .tag = "events",
                    .access = Access::marshal,
                    .handler = bind(photos, &PhotoHandlers::delete_banner),
                    .responses = {{204, {"removed (or there was none)"}}, {404, no_event}}});
  routes.push_back(
      {.method = verb::get,
       .path = "/photos/{file}",
       .operation_id = "get_photo_file",
       .summary = "A stored photo size (WebP) by the URL the member, photo or event JSON gives. "
                  "Public photos to anyone, cached for a year; members-only photos only with a "
                  "valid login (the access_token cookie or a bearer token), else 404",
       .tag = "photos",
       .access = Access::anyone,
       .handler = bind(photos, &PhotoHandlers::serve_photo),
       .responses = {{200, {"the image", {{"type", "string"}, {"format", "binary"}}, "image/webp"}},
                     {304, {"not modified (If-None-Match holds its ETag)"}},
                     {404, {"no such photo, or one the caller may not see", error_schema()}},
                     {503, {"object storage is down", error_schema()}}}});
  return routes;
}

}  // namespace tmeit::http
