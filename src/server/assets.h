// The dashboard's files (web/) and the OpenAPI description, compiled into
// the binary at build time (cmake/embed_files.cmake writes the table), so
// that `entente serve` needs no files beside it.
#pragma once

#include <cstddef>
#include <string_view>

namespace entente::server {

struct EmbeddedFile {
  const char* url_path;  // e.g. "/app.js"
  const char* content_type;
  const unsigned char* data;
  std::size_t size;
};

// The file served at `url_path` ("/" is "/index.html"), or nullptr.
const EmbeddedFile* FindEmbeddedFile(std::string_view url_path);

// Defined in the generated embedded_files.cc.
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace entente::server
